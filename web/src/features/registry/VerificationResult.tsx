/**
 * The answer of an identity check, readable across a counter: green (match), amber (matches, but look: an expired
 * card or a remark on the card's data), red (does not match, unknown, card revoked or lost, deceased). Colour is never
 * the only signal: an icon and a sentence say the same, and the reason follows.
 */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../format.ts';
import type { VerificationResponse } from './api.ts';
import { useRegistryLabels } from './RecordView.tsx';

export type Verdict = 'green' | 'amber' | 'red';

export function verdictOf(response: VerificationResponse): Verdict {
  if (response.result === 'match') return response.findings.some((finding) => finding.severity !== 'info') ? 'amber' : 'green';
  if (response.result === 'card_expired') return 'amber';
  return 'red';
}

const STYLE: Record<Verdict, { background: string; border: string; color: string }> = {
  green: { background: '#e8f5e9', border: '#1e6b2c', color: '#14501f' },
  amber: { background: '#fff4e0', border: '#8a5300', color: '#5c3700' },
  red: { background: '#fdecea', border: '#b3261e', color: '#7f1410' },
};

export function VerificationResult({ response, large }: { response: VerificationResponse; large?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'vi';
  const labels = useRegistryLabels();
  const verdict = verdictOf(response);
  const style = STYLE[verdict];
  const Icon = verdict === 'green' ? CheckCircleFilled : verdict === 'amber' ? ExclamationCircleFilled : CloseCircleFilled;
  const person = response.person;
  type Item = { key: string; label: string; children: ReactNode };
  const personItems: Item[] = person
    ? ([
        person.fullName !== undefined && { key: 'fullName', label: t('registry.fields.fullName'), children: <strong data-testid="verified-name">{person.fullName}</strong> },
        person.personId !== undefined && { key: 'personId', label: t('registry.fields.personId'), children: <span className="mono">{person.personId}</span> },
        person.birthDate !== undefined && { key: 'birthDate', label: t('registry.fields.birthDate'), children: formatDate(person.birthDate) },
        person.sex !== undefined && { key: 'sex', label: t('registry.fields.sex'), children: labels.sex(person.sex) },
        person.nationality !== undefined && { key: 'nationality', label: t('registry.fields.nationality'), children: person.nationality },
        person.permanentAddress !== undefined && { key: 'permanentAddress', label: t('registry.fields.permanentAddress'), children: person.permanentAddress ?? '—' },
        person.currentAddress !== undefined && { key: 'currentAddress', label: t('registry.fields.currentAddress'), children: person.currentAddress ?? '—' },
        person.oldIds !== undefined && { key: 'oldIds', label: t('registry.fields.oldIds'), children: person.oldIds.join(', ') || '—' },
        person.card && { key: 'card', label: t('registry.fields.card'), children: `${labels.cardType(person.card.type)} · ${t('verify.validUntil', { date: person.card.expiryDate ? formatDate(person.card.expiryDate) : t('registry.record.noExpiry') })}` },
      ] as Array<Item | false | null | undefined>).filter((item): item is Item => Boolean(item))
    : [];
  return (
    <section
      role="status"
      aria-live="assertive"
      data-testid="verification-result"
      data-result={response.result}
      data-verdict={verdict}
      style={{ background: style.background, border: `3px solid ${style.border}`, borderRadius: 10, padding: large ? 24 : 16, color: style.color }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
        <Icon aria-hidden style={{ fontSize: large ? 56 : 40, color: style.border }} />
        <div>
          <Typography.Title level={2} style={{ margin: 0, color: style.color, fontSize: large ? 30 : 22 }} data-testid="verification-verdict">
            {t(`verify.outcome.${response.result}`)}
          </Typography.Title>
          <div style={{ fontSize: large ? 18 : 15 }}>{t(`verify.reason.${response.result}`)}</div>
        </div>
      </div>
      {response.mismatchedFields.length > 0 && (
        <p style={{ margin: '12px 0 0', fontSize: large ? 18 : 15 }} data-testid="mismatched-fields">
          {t('verify.mismatched', { fields: response.mismatchedFields.map((field) => labels.field(field)).join(', ') })}
        </p>
      )}
      {response.findings.length > 0 && (
        <ul style={{ margin: '12px 0 0', paddingLeft: 20 }} aria-label={t('verify.findings')}>
          {response.findings.map((finding) => (
            <li key={`${finding.code}-${finding.field}`}>{finding.message[language]}</li>
          ))}
        </ul>
      )}
      {personItems.length > 0 && <Descriptions size="small" column={1} items={personItems} style={{ marginTop: 16, background: '#fff', padding: 8, borderRadius: 6 }} />}
      <p style={{ margin: '12px 0 0', fontSize: 13 }}>
        {t('verify.checkedFor', { purpose: t(`purposes.${response.purpose}`, { defaultValue: response.purpose }), time: formatDateTime(response.checkedAt) })}
      </p>
    </section>
  );
}
