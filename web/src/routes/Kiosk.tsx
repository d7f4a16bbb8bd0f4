/**
 * Kiosk mode (/kiosk): a self-service identity check for the public, on a touch screen with a scanner, signed in as
 * the counter's account. Full screen, large touch targets, an on-screen Vietnamese keyboard, and a reset after
 * inactivity.
 *
 * Rules:
 * - after `idle` seconds without a touch or a key (`?idle=…`, default 60) the kiosk starts over; a countdown is shown
 *   for the last seconds, and any touch keeps the session;
 * - starting over remounts everything under the kiosk (React state, form values, the last result), returns to the
 *   start screen in Vietnamese, and keeps nothing of the previous person: the kiosk holds no cache of answers;
 * - the purpose of the checks is the kiosk's (`?purpose=…`, or the first its account may use), shown on screen.
 */
import { FullscreenOutlined, IdcardOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { OnScreenKeyboard } from '../components/OnScreenKeyboard.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ScannerInput } from '../components/ScannerInput.tsx';
import { registryApi, type VerificationRequest, type VerificationResponse } from '../features/registry/api.ts';
import { scanRequest, useStationPurpose } from '../features/registry/station.ts';
import { VerificationResult } from '../features/registry/VerificationResult.tsx';
import { parseDisplayDate } from '../format.ts';
import i18n from '../i18n/index.ts';

const DEFAULT_IDLE_SECONDS = 60;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export function idleSecondsFrom(value: string | null): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 3 && seconds <= 600 ? Math.round(seconds) : DEFAULT_IDLE_SECONDS;
}

/** The countdown covers the last part of the idle time: half of it, at most 10 seconds. */
export function countdownSeconds(idleSeconds: number): number {
  return Math.min(10, Math.ceil(idleSeconds / 2));
}

export default function Kiosk() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const idleSeconds = idleSecondsFrom(params.get('idle'));
  const warnSeconds = countdownSeconds(idleSeconds);
  const [generation, setGeneration] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [countdown, setCountdown] = useState<number>();
  const lastActivity = useRef(Date.now());

  const reset = useCallback(() => {
    setDirty(false);
    setCountdown(undefined);
    lastActivity.current = Date.now();
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.getSelection()?.removeAllRanges();
    if (i18n.language !== 'vi') void i18n.changeLanguage('vi');
    // A new key remounts the whole session: no state of the previous person survives.
    setGeneration((value) => value + 1);
  }, []);

  useEffect(() => {
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, touch, { capture: true, passive: true });
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (!dirty) {
      setCountdown(undefined);
      return;
    }
    lastActivity.current = Date.now();
    const timer = setInterval(() => {
      const left = idleSeconds * 1000 - (Date.now() - lastActivity.current);
      if (left <= 0) reset();
      else setCountdown(left <= warnSeconds * 1000 ? Math.ceil(left / 1000) : undefined);
    }, 200);
    return () => clearInterval(timer);
  }, [dirty, idleSeconds, warnSeconds, reset]);

  useEffect(() => {
    document.title = `${t('kiosk.title')} — DA06`;
  }, [t]);

  return (
    <div style={{ minHeight: 'calc(100vh - 32px)', display: 'flex', flexDirection: 'column', fontSize: 18 }} data-testid="kiosk">
      <header style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 28, flex: 1, minWidth: 200 }}>
          {t('kiosk.title')}
        </Typography.Title>
        <LanguageSwitch size="large" />
        <Button size="large" icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t('kiosk.fullscreen')}
        </Button>
      </header>
      {countdown !== undefined && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="kiosk-countdown"
          style={{ marginBottom: 16, fontSize: 20 }}
          title={<span style={{ fontSize: 20 }}>{t('kiosk.countdown', { seconds: countdown })}</span>}
          action={
            <Button size="large" type="primary" onClick={() => (lastActivity.current = Date.now())}>
              {t('kiosk.stillHere')}
            </Button>
          }
        />
      )}
      <KioskSession key={generation} onDirty={setDirty} onDone={reset} />
      <footer style={{ marginTop: 'auto', paddingTop: 24, color: 'rgba(0,0,0,0.68)', fontSize: 15 }}>{t('kiosk.privacy', { seconds: idleSeconds })}</footer>
    </div>
  );
}

type Step = { kind: 'start' } | { kind: 'particulars' } | { kind: 'result'; response: VerificationResponse };
type Field = 'personId' | 'fullName' | 'birthDate';

/** One person's visit: everything here is thrown away on reset (the parent changes the key). */
function KioskSession({ onDirty, onDone }: { onDirty: (dirty: boolean) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [storedPurpose, , allowed] = useStationPurpose('da06.kiosk.purpose');
  const wanted = params.get('purpose');
  const purpose = wanted && allowed.includes(wanted) ? wanted : storedPurpose;
  const [step, setStep] = useState<Step>({ kind: 'start' });
  const [values, setValues] = useState<Record<Field, string>>({ personId: '', fullName: '', birthDate: '' });
  const [active, setActive] = useState<Field>('personId');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const dirty = step.kind !== 'start' || error !== undefined || Object.values(values).some((value) => value !== '');
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const run = async (request: VerificationRequest) => {
    setBusy(true);
    setError(undefined);
    try {
      setStep({ kind: 'result', response: await registryApi.verify(request) });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (!purpose) return <Alert type="error" showIcon title={t('kiosk.noPurpose')} />;

  const birthDate = parseDisplayDate(values.birthDate);
  const ready = /^\d{12}$/.test(values.personId) && values.fullName.trim().length > 1 && birthDate !== undefined;
  const setField = (field: Field, raw: string) => {
    let next = raw;
    if (field === 'personId') next = raw.replace(/\D/g, '').slice(0, 12);
    if (field === 'birthDate') {
      const digits = raw.replace(/\D/g, '').slice(0, 8);
      next = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean).join('/');
    }
    setValues((current) => ({ ...current, [field]: next }));
  };

  return (
    <section aria-label={t('kiosk.session')} style={{ flex: 1 }}>
      <Typography.Paragraph style={{ fontSize: 16 }} data-testid="kiosk-purpose">
        {t('kiosk.purpose', { purpose: t(`purposes.${purpose}`) })}
      </Typography.Paragraph>
      <ProblemAlert error={error} />
      {step.kind === 'start' && (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 24, maxWidth: 760 }}>
          <Typography.Paragraph style={{ fontSize: 22, margin: 0 }}>{t('kiosk.welcome')}</Typography.Paragraph>
          {/* inputMode "none": the scanner types here, a tablet's own keyboard would only cover the screen. */}
          <ScannerInput label={t('kiosk.scanLabel')} inputMode="none" disabled={busy} onScan={(text) => void run(scanRequest(text, purpose))} />
          <Button size="large" icon={<IdcardOutlined />} style={{ height: 'auto', minHeight: 72, fontSize: 22, whiteSpace: 'normal' }} onClick={() => setStep({ kind: 'particulars' })} data-testid="kiosk-type">
            {t('kiosk.typeInstead')}
          </Button>
        </div>
      )}
      {step.kind === 'particulars' && (
        <div style={{ maxWidth: 900 }}>
          <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' }}>
            {(['personId', 'fullName', 'birthDate'] as const).map((field) => (
              <div key={field}>
                <label htmlFor={`kiosk-${field}`} style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
                  {t(field === 'birthDate' ? 'kiosk.birthDate' : `registry.fields.${field}`)}
                </label>
                <Input
                  id={`kiosk-${field}`}
                  size="large"
                  value={values[field]}
                  // The on-screen keyboard types here; "none" keeps a tablet's own keyboard from covering it.
                  inputMode="none"
                  autoComplete="off"
                  onFocus={() => setActive(field)}
                  onChange={(event) => setField(field, event.target.value)}
                  style={{ fontSize: 22, height: 60, borderWidth: active === field ? 2 : 1, borderColor: active === field ? '#0b4f8a' : undefined }}
                  data-testid={`kiosk-${field}`}
                />
              </div>
            ))}
          </div>
          <OnScreenKeyboard layout={active === 'fullName' ? 'text' : 'digits'} value={values[active]} onChange={(next) => setField(active, next)} maxLength={active === 'fullName' ? 100 : undefined} />
          <div style={{ display: 'flex', gap: 12, marginTop: 20, flexWrap: 'wrap' }}>
            <Button
              type="primary"
              size="large"
              style={{ height: 64, fontSize: 22, minWidth: 200 }}
              disabled={!ready || busy}
              loading={busy}
              data-testid="kiosk-check"
              onClick={() => birthDate && void run({ personId: values.personId, fullName: values.fullName.trim().normalize('NFC'), birthDate, purpose })}
            >
              {t('scanner.check')}
            </Button>
            <Button size="large" style={{ height: 64, fontSize: 22 }} onClick={onDone}>
              {t('kiosk.cancel')}
            </Button>
          </div>
        </div>
      )}
      {step.kind === 'result' && (
        <div style={{ maxWidth: 900 }}>
          <VerificationResult response={step.response} large />
          <Button type="primary" size="large" style={{ height: 72, fontSize: 24, marginTop: 24, minWidth: 240 }} onClick={onDone} data-testid="kiosk-done">
            {t('kiosk.done')}
          </Button>
        </div>
      )}
    </section>
  );
}
