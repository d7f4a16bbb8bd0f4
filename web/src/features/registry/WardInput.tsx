import { AutoComplete, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_WARDS } from '../identity/roles.ts';
import { useSession } from '../identity/session.tsx';
import { resolveUnit, useWardNames } from './wards.ts';

/**
 * A ward code (5 digits): the officer's own wards offered by name, any other code typed, and the name of whatever
 * code is typed shown underneath from the unit look-up (codes were reused in 2025, so the name is the check).
 */
export function WardInput({ value, onChange, id, ...aria }: { value?: string; onChange?: (value: string) => void; id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const own = (session?.wards ?? []).filter((code) => code !== ALL_WARDS);
  const names = useWardNames(own);
  const [resolved, setResolved] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setResolved(undefined);
    if (value && /^\d{5}$/.test(value)) void resolveUnit(value).then((unit) => live && setResolved(unit?.unit?.name ?? t('registry.ward.unknown')));
    return () => {
      live = false;
    };
  }, [value, t]);
  return (
    <>
      <AutoComplete
        id={id}
        {...aria}
        value={value}
        onChange={(next: string) => onChange?.(next.replace(/\D/g, '').slice(0, 5))}
        options={own.map((code) => ({ value: code, label: `${names[code] ?? code} (${code})` }))}
        placeholder={t('registry.ward.placeholder')}
        style={{ maxWidth: 320 }}
      />
      {resolved && (
        <Typography.Text style={{ display: 'block', marginTop: 4, color: 'rgba(0,0,0,0.68)' }} data-testid="ward-resolved">
          {resolved}
        </Typography.Text>
      )}
    </>
  );
}

/**
 * Several ward codes (an account's wards): `*` for the whole town, the codes already known offered by name, any other
 * 5-digit code typed in.
 */
export function WardsSelect({ value, onChange, known = [], id, ...aria }: { value?: string[]; onChange?: (value: string[]) => void; known?: string[]; id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  const { t } = useTranslation();
  const codes = [...new Set([...known, ...(value ?? [])])].filter((code) => code !== ALL_WARDS).sort();
  const names = useWardNames(codes);
  return (
    <Select
      id={id}
      {...aria}
      mode="tags"
      value={value}
      onChange={(next: string[]) => onChange?.(next.map((code) => code.trim()).filter(Boolean))}
      tokenSeparators={[',', ' ']}
      placeholder={t('registry.ward.manyPlaceholder')}
      options={[{ value: ALL_WARDS, label: t('app.allWards') }, ...codes.map((code) => ({ value: code, label: names[code] ? `${names[code]} (${code})` : code }))]}
      style={{ width: '100%' }}
    />
  );
}
