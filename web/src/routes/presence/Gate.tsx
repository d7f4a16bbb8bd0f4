/**
 * A site's gate (tourist site, industrial-park gate, railway station): scan the card or the citizen app's code for a
 * person going in or out, see the name the registry confirms, and the number of people inside now. The count on
 * screen follows every passage at once and is refreshed every 10 s for the site's other gates.
 */
import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Progress, Row, Segmented, Statistic, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newRequestId } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { CardTitle } from '../../features/plan/ui.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ScannerInput, type ScannerInputHandle } from '../../components/ScannerInput.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDateTime } from '../../format.ts';
import { presenceApi, type EntryResponse, type Occupancy, type PersonPresented } from '../../features/presence/api.ts';
import { APP_CODE } from '../../features/presence/guests.ts';

type Direction = 'in' | 'out';

export default function Gate() {
  const { t } = useTranslation('presence');
  const [direction, setDirection] = useState<Direction>('in');
  const [last, setLast] = useState<EntryResponse & { at: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [occupancy, setOccupancy] = useState<Occupancy>();
  const scanner = useRef<ScannerInputHandle>(null);
  const [particulars] = Form.useForm<{ personId: string; fullName: string; birthDate: string }>();
  const sites = useLoad((signal) => presenceApi.establishments({}, signal), []);
  const site = sites.data?.[0];

  useEffect(() => {
    if (!site) return;
    let live = true;
    const refresh = () =>
      presenceApi.occupancy(site.id).then(
        (next) => live && setOccupancy(next),
        () => undefined,
      );
    void refresh();
    const timer = window.setInterval(() => void refresh(), 10_000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [site]);

  const pass = async (guest: PersonPresented) => {
    setBusy(true);
    setError(undefined);
    try {
      // One key per scan: a double read of the same card within the request is still one passage.
      const result = await presenceApi.entry({ requestId: newRequestId(), direction, guest });
      setLast({ ...result, at: new Date().toISOString() });
      setOccupancy((current) => (current ? { ...current, inside: result.occupancy } : current));
      return true;
    } catch (caught) {
      setLast(undefined);
      setError(caught);
      return false;
    } finally {
      setBusy(false);
      scanner.current?.focus();
    }
  };

  const title = t('gate.title');
  const capacity = occupancy?.capacity ?? null;
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ProblemAlert error={sites.error} onRetry={sites.reload} />
      {sites.data && !site && <Alert type="warning" showIcon title={t('gate.noSite')} />}
      {site && (
        <Typography.Paragraph data-testid="site-name">
          <Typography.Text strong>{site.name}</Typography.Text> · {t(`kinds.${site.kind}`, { defaultValue: site.kind })}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <div role="group" aria-labelledby="gate-direction-label" style={{ marginBottom: 16 }}>
              <span id="gate-direction-label" style={{ display: 'block', fontWeight: 600, marginBottom: 6 }}>
                {t('gate.direction')}
              </span>
              <Segmented<Direction>
                size="large"
                block
                value={direction}
                onChange={(value) => {
                  setDirection(value);
                  scanner.current?.focus();
                }}
                data-testid="gate-direction"
                options={[
                  { value: 'in', label: t('gate.in'), icon: <LoginOutlined aria-hidden /> },
                  { value: 'out', label: t('gate.out'), icon: <LogoutOutlined aria-hidden /> },
                ]}
              />
            </div>
            <Tabs
              items={[
                {
                  key: 'scan',
                  label: t('guests.tabScan'),
                  children: (
                    <ScannerInput
                      ref={scanner}
                      id="gate-scan"
                      label={t(direction === 'in' ? 'gate.scanIn' : 'gate.scanOut')}
                      disabled={busy || !site}
                      onScan={(text) => void pass(APP_CODE.test(text) ? { appCode: text } : { qr: text })}
                    />
                  ),
                },
                {
                  key: 'particulars',
                  label: t('guests.tabParticulars'),
                  children: (
                    <Form
                      form={particulars}
                      name="gate"
                      layout="vertical"
                      onFinish={(values) =>
                        void pass({ personId: values.personId.trim(), fullName: values.fullName.normalize('NFC').trim(), birthDate: values.birthDate }).then((ok) => ok && particulars.resetFields())
                      }
                    >
                      <Form.Item name="personId" label={t('guests.personId')} rules={[{ required: true, message: t('validation.required', { field: t('guests.personId') }) }, { pattern: /^\d{12}$/, message: t('validation.personId') }]}>
                        <Input inputMode="numeric" maxLength={12} autoComplete="off" />
                      </Form.Item>
                      <Form.Item name="fullName" label={t('guests.fullName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('guests.fullName') }) }]}>
                        <Input maxLength={100} autoComplete="off" />
                      </Form.Item>
                      <Form.Item name="birthDate" label={t('guests.birthDate')} rules={[{ required: true, message: t('validation.required', { field: t('guests.birthDate') }) }]}>
                        <DateField notAfterToday />
                      </Form.Item>
                      <Button type="primary" htmlType="submit" loading={busy} disabled={!site}>
                        {t(direction === 'in' ? 'gate.recordIn' : 'gate.recordOut')}
                      </Button>
                    </Form>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<CardTitle>{t('gate.occupancy')}</CardTitle>} data-testid="occupancy">
            <Statistic title={t('gate.inside')} value={occupancy?.inside ?? '—'} data-testid="occupancy-inside" />
            {capacity !== null && occupancy && (
              <>
                <Progress
                  percent={Math.min(100, Math.round((occupancy.inside / capacity) * 100))}
                  status={occupancy.inside >= capacity ? 'exception' : 'normal'}
                  aria-label={t('gate.capacityUse', { inside: occupancy.inside, capacity })}
                />
                <Typography.Text>{t('gate.capacity', { capacity })}</Typography.Text>
              </>
            )}
          </Card>
          <div aria-live="assertive" style={{ marginTop: 16 }}>
            <ProblemAlert error={error} />
            {last && (
              <Alert
                type="success"
                showIcon
                data-testid="gate-result"
                title={<span style={{ fontSize: 20 }}>{last.name}</span>}
                description={
                  <>
                    {t(last.direction === 'in' ? 'gate.wentIn' : 'gate.wentOut')} · {formatDateTime(last.at)}
                    {last.replayed && ` · ${t('gate.replayed')}`}
                  </>
                }
              />
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
