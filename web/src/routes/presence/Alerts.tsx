/**
 * The police officer's live alerts: a guest or a person at a gate who matched an alert rule (wanted person, revoked or
 * lost card, deceased person…) in the officer's wards. Alerts arrive as server-sent events (GET /alerts/stream, the
 * session cookie authenticates the EventSource) within the second of the notice; a new one flashes, is announced to
 * screen readers and, when the officer turned it on, beeps. Each is acknowledged once handled.
 *
 * The stream carries no reason (it is read at the desk of a police unit, but kept minimal on the wire); the reason
 * comes from the audited list (GET /alerts), which is read again after each live alert and after a reconnection, so
 * that nothing raised while the connection was down is missed.
 */
import { CheckOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert as Notice, Button, Card, Empty, List, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { newRequestId } from '../../api.ts';
import { CardTitle } from '../../features/plan/ui.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { ALERT_STREAM_URL, presenceApi, type Alert } from '../../features/presence/api.ts';
import { useWardNames } from '../../features/registry/wards.ts';

type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

const SEVERITY_COLOURS: Record<string, string> = { critical: 'error', high: 'error', medium: 'warning', low: 'default' };
const SOUND_KEY = 'da06.presence.alertSound';
const FLASH_MS = 6000;

/** Two short tones through Web Audio (no sound file to load); browsers allow it once the officer has clicked. */
function beep(context: AudioContext) {
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.25, 660],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.22);
  }
}

export default function Alerts() {
  const { t, i18n } = useTranslation('presence');
  const english = i18n.language === 'en';
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [flashing, setFlashing] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [sound, setSound] = useState(() => {
    try {
      return localStorage.getItem(SOUND_KEY) === 'on';
    } catch {
      return false;
    }
  });
  const audio = useRef<AudioContext | undefined>(undefined);
  const soundOn = useRef(sound);
  soundOn.current = sound;
  const wardNames = useWardNames([...new Set(alerts.map((alert) => alert.policeWardCode))]);

  const load = useCallback(async () => {
    try {
      const list = await presenceApi.alerts({ unacknowledged: onlyOpen || undefined, pageSize: 100 });
      setError(undefined);
      setAlerts((current) => {
        // Live alerts not yet in the list (a race with the read) stay on screen.
        const known = new Set(list.map((alert) => alert.id));
        return [...current.filter((alert) => !known.has(alert.id) && !alert.acknowledgedAt && Date.now() - Date.parse(alert.raisedAt) < 60_000), ...list];
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [onlyOpen]);

  useEffect(() => {
    setLoading(true);
    void load();
  }, [load]);

  const reloadSoon = useRef<number | undefined>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const source = new EventSource(ALERT_STREAM_URL);
    let wasDown = false;
    source.onopen = () => {
      setConnection('live');
      if (wasDown) void loadRef.current();
      wasDown = false;
    };
    source.onerror = () => {
      wasDown = true;
      // The browser reconnects by itself (the server asks for 3 s) unless the answer was not a stream (session ended).
      setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    };
    source.addEventListener('alert', (event) => {
      let alert: Alert;
      try {
        alert = JSON.parse((event as MessageEvent<string>).data) as Alert;
      } catch {
        return;
      }
      setAlerts((current) => (current.some((existing) => existing.id === alert.id) ? current : [alert, ...current]));
      setFlashing((current) => new Set(current).add(alert.id));
      window.setTimeout(() => setFlashing((current) => {
        const next = new Set(current);
        next.delete(alert.id);
        return next;
      }), FLASH_MS);
      setAnnouncement(
        t('alerts.announce', {
          rule: english ? alert.ruleName.en : alert.ruleName.vi,
          person: alert.personName ?? t('alerts.unknownPerson'),
          place: alert.establishmentName,
        }),
      );
      if (soundOn.current && audio.current) beep(audio.current);
      // The list has the reason; read it once the burst of a multi-guest notice has arrived.
      window.clearTimeout(reloadSoon.current);
      reloadSoon.current = window.setTimeout(() => void loadRef.current(), 800);
    });
    return () => {
      source.close();
      window.clearTimeout(reloadSoon.current);
    };
  }, [t, english]);

  const open = alerts.filter((alert) => !alert.acknowledgedAt).length;
  useEffect(() => {
    const base = t('alerts.title');
    document.title = `${open > 0 ? `(${open}) ` : ''}${base} — DA06`;
  }, [open, t]);

  // A page reloaded with the sound on cannot play until the officer interacts: the first click or key re-arms it.
  useEffect(() => {
    if (!sound || audio.current) return;
    const arm = () => {
      audio.current ??= new AudioContext();
      void audio.current.resume();
    };
    window.addEventListener('pointerdown', arm, { once: true });
    window.addEventListener('keydown', arm, { once: true });
    return () => {
      window.removeEventListener('pointerdown', arm);
      window.removeEventListener('keydown', arm);
    };
  }, [sound]);

  const toggleSound = (on: boolean) => {
    setSound(on);
    try {
      localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    } catch {
      // Not remembered on this device.
    }
    if (on) {
      // Created inside the click: browsers only let a page make sound after a gesture.
      audio.current ??= new AudioContext();
      void audio.current.resume().then(() => audio.current && beep(audio.current));
    }
  };

  const acknowledge = async (alert: Alert) => {
    try {
      await presenceApi.acknowledge(alert.id, newRequestId());
      setAlerts((current) =>
        onlyOpen ? current.filter((item) => item.id !== alert.id) : current.map((item) => (item.id === alert.id ? { ...item, acknowledgedAt: new Date().toISOString() } : item)),
      );
    } catch (caught) {
      setError(caught);
    }
  };

  const title = t('alerts.title');
  return (
    <>
      <PageTitle
        title={title}
        extra={
          <Space wrap>
            <Tag color={connection === 'live' ? 'success' : connection === 'closed' ? 'error' : 'warning'} data-testid="stream-state" data-state={connection}>
              {t(`alerts.connection.${connection}`)}
            </Tag>
            <Space>
              <Switch id="alert-sound" checked={sound} onChange={toggleSound} />
              <label htmlFor="alert-sound">
                <SoundOutlined aria-hidden /> {t('alerts.sound')}
              </label>
            </Space>
          </Space>
        }
      >
        {title}
      </PageTitle>
      <div className="sr-only" role="status" aria-live="assertive" data-testid="alert-announcement">
        {announcement}
      </div>
      {connection === 'closed' && (
        <Notice
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('alerts.closed')}
          action={
            <Button size="small" onClick={() => window.location.reload()}>
              {t('alerts.reconnect')}
            </Button>
          }
        />
      )}
      <ProblemAlert error={error} onRetry={() => void load()} />
      <Card
        title={<CardTitle>{t('alerts.listTitle', { count: open })}</CardTitle>}
        extra={
          <Space>
            <Switch id="alerts-open-only" checked={onlyOpen} onChange={setOnlyOpen} />
            <label htmlFor="alerts-open-only">{t('alerts.openOnly')}</label>
          </Space>
        }
      >
        <List<Alert>
          loading={loading}
          dataSource={alerts}
          data-testid="alerts"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.empty')} /> }}
          renderItem={(alert) => {
            const flash = flashing.has(alert.id);
            return (
              <List.Item
                data-testid="alert-item"
                data-flash={flash ? 'true' : 'false'}
                data-person={alert.personId ?? ''}
                style={{
                  background: flash ? '#ffe2dc' : alert.acknowledgedAt ? undefined : '#fff8f6',
                  borderLeft: `6px solid ${alert.acknowledgedAt ? '#d9dde3' : '#b3261e'}`,
                  paddingLeft: 12,
                  transition: 'background-color 1.2s ease-out',
                }}
                actions={
                  alert.acknowledgedAt
                    ? [<Tag key="done" color="success">{t('alerts.acknowledgedAt', { at: formatDateTime(alert.acknowledgedAt) })}</Tag>]
                    : [
                        <Button key="ack" type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => void acknowledge(alert)} data-testid="acknowledge" aria-label={t('alerts.acknowledgeFor', { person: alert.personName ?? '' })}>
                          {t('alerts.acknowledge')}
                        </Button>,
                      ]
                }
              >
                <div>
                  <div style={{ marginBottom: 4 }}>
                    <Space wrap size={6}>
                      {flash && <Tag color="error">{t('alerts.new')}</Tag>}
                      <Tag color={SEVERITY_COLOURS[alert.severity] ?? 'default'}>{t(`alerts.severity.${alert.severity}`, { defaultValue: alert.severity })}</Tag>
                      <Typography.Text strong>{english ? alert.ruleName.en : alert.ruleName.vi}</Typography.Text>
                    </Space>
                  </div>
                  <div>
                    <span style={{ display: 'block', color: 'rgba(0,0,0,0.88)' }}>
                      <Typography.Text strong data-testid="alert-person">{alert.personName ?? t('alerts.unknownPerson')}</Typography.Text>
                      {alert.personId && (
                        <>
                          {' · '}
                          <Link to={`/presence/person?personId=${alert.personId}`} className="mono" style={{ textDecoration: 'underline' }}>
                            {alert.personId}
                          </Link>
                        </>
                      )}
                    </span>
                    <span style={{ display: 'block' }}>
                      {t(`alerts.sources.${alert.source}`, { defaultValue: alert.source })}: <Link to={`/presence/establishments/${alert.establishmentId}`} style={{ textDecoration: 'underline' }}>{alert.establishmentName}</Link>
                      {' · '}
                      {wardNames[alert.policeWardCode] ?? alert.policeWardCode}
                    </span>
                    <span style={{ display: 'block' }}>
                      {formatDateTime(alert.raisedAt)}
                      {alert.reason && (
                        <>
                          {' · '}
                          {t('alerts.reason')}: <span data-testid="alert-reason">{t(`alertReasons.${alert.reason}`, { defaultValue: alert.reason })}</span>
                        </>
                      )}
                    </span>
                  </div>
                </div>
              </List.Item>
            );
          }}
        />
      </Card>
    </>
  );
}
