/**
 * Citizen: "Mã QR của tôi" — a one-time code that proves who I am at a counter (hotel, hospital, exam centre). The
 * server issues a code valid for 60 s and used once; the screen asks for a new one every 30 s, so a screenshot or a
 * photo of the code is useless minutes later. While the page is hidden no codes are requested.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Typography } from 'antd';
import QRCode from 'qrcode';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { registryApi } from '../features/registry/api.ts';

/** How often a new code is fetched (the code itself lives 60 s: registry PRESENTATION_TTL_SECONDS). */
export const REFRESH_SECONDS = 30;

export default function MyQr() {
  const { t } = useTranslation();
  const [image, setImage] = useState<string>();
  const [remaining, setRemaining] = useState(REFRESH_SECONDS);
  const [error, setError] = useState<unknown>();
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  const fetching = useRef(false);
  /** When the next code is due (ms since epoch); the countdown is derived from it, so a busy tab never drifts. */
  const dueAt = useRef(0);

  const refresh = useCallback(async () => {
    if (fetching.current) return;
    fetching.current = true;
    try {
      const issued = await registryApi.presentationCode();
      setImage(await QRCode.toDataURL(issued.code, { errorCorrectionLevel: 'M', margin: 2, width: 288 }));
      dueAt.current = Date.now() + Math.min(REFRESH_SECONDS, issued.ttlSeconds) * 1000;
      setRemaining(Math.min(REFRESH_SECONDS, issued.ttlSeconds));
      setError(undefined);
    } catch (caught) {
      setImage(undefined);
      setError(caught);
    } finally {
      fetching.current = false;
    }
  }, []);

  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    if (!visible) {
      // A code shown on a hidden page is worthless to keep: drop it and start again when the page is back.
      setImage(undefined);
      return;
    }
    void refresh();
    const timer = setInterval(() => {
      const left = Math.ceil((dueAt.current - Date.now()) / 1000);
      if (left <= 0) void refresh();
      else setRemaining(left);
    }, 1000);
    return () => clearInterval(timer);
  }, [visible, refresh]);

  return (
    <>
      <PageTitle title={t('nav.myQr')}>{t('nav.myQr')}</PageTitle>
      <Card style={{ maxWidth: 420, margin: '0 auto', textAlign: 'center' }}>
        <Typography.Paragraph>{t('citizen.qr.lead')}</Typography.Paragraph>
        <ProblemAlert error={error} onRetry={() => void refresh()} />
        <div style={{ minHeight: 288, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          {image ? <img src={image} width={288} height={288} alt={t('citizen.qr.alt')} data-testid="my-qr" style={{ maxWidth: '100%', height: 'auto' }} /> : !error && <span>{t('common.loading')}</span>}
        </div>
        {image && (
          <>
            <Progress percent={Math.round((remaining / REFRESH_SECONDS) * 100)} showInfo={false} strokeColor="#0b4f8a" aria-hidden />
            <Typography.Paragraph data-testid="qr-countdown" aria-live="off">
              {t('citizen.qr.countdown', { seconds: remaining })}
            </Typography.Paragraph>
          </>
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void refresh()}>
          {t('citizen.qr.refreshNow')}
        </Button>
        <Typography.Paragraph style={{ marginTop: 16, color: 'rgba(0,0,0,0.68)', textAlign: 'left' }}>{t('citizen.qr.safety')}</Typography.Paragraph>
      </Card>
    </>
  );
}
