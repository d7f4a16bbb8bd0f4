/**
 * Verification station (hotels, hospitals, notaries, exam centres, police): scan the card's QR with a keyboard-wedge
 * scanner, paste it, or read it with the phone's camera — or the citizen app's one-time QR — or type the particulars;
 * choose why; see green, amber or red with the reason. The purpose is remembered on this device (a hotel always checks
 * for the same reason); the server records every check with it.
 */
import { Button, Card, Col, Form, Input, Row, Select, Tabs, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ScannerInput, type ScannerInputHandle } from '../components/ScannerInput.tsx';
import { DateField } from '../components/DateField.tsx';
import { registryApi, type VerificationRequest, type VerificationResponse } from '../features/registry/api.ts';
import { scanRequest, useStationPurpose } from '../features/registry/station.ts';
import { rules } from '../features/registry/rules.ts';
import { VerificationResult } from '../features/registry/VerificationResult.tsx';

export default function Verify() {
  const { t } = useTranslation();
  const [purpose, setPurpose, allowed] = useStationPurpose();
  const [result, setResult] = useState<VerificationResponse>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const scanner = useRef<ScannerInputHandle>(null);
  const [form] = Form.useForm<{ personId: string; fullName: string; birthDate: string }>();
  const check = rules(t);

  const run = async (request: VerificationRequest) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await registryApi.verify(request));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      scanner.current?.focus();
    }
  };

  const next = () => {
    setResult(undefined);
    setError(undefined);
    form.resetFields();
    scanner.current?.clear();
    scanner.current?.focus();
  };

  return (
    <>
      <PageTitle title={t('nav.verify')}>{t('nav.verify')}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card>
            <label htmlFor="purpose" style={{ display: 'block', fontWeight: 600, marginBottom: 6 }}>
              {t('verify.purpose')}
            </label>
            <Select
              id="purpose"
              size="large"
              style={{ width: '100%', marginBottom: 20 }}
              value={purpose}
              onChange={setPurpose}
              data-testid="purpose"
              options={allowed.map((code) => ({ value: code, label: t(`purposes.${code}`) }))}
            />
            <Tabs
              items={[
                {
                  key: 'scan',
                  label: t('verify.tabScan'),
                  children: <ScannerInput ref={scanner} label={t('scanner.label')} disabled={!purpose || busy} onScan={(text) => purpose && void run(scanRequest(text, purpose))} />,
                },
                {
                  key: 'particulars',
                  label: t('verify.tabParticulars'),
                  children: (
                    <Form
                      form={form}
                      layout="vertical"
                      onFinish={(values) => purpose && void run({ personId: values.personId, fullName: values.fullName.trim().normalize('NFC'), birthDate: values.birthDate, purpose })}
                    >
                      <Form.Item name="personId" label={t('registry.fields.personId')} rules={[check.required(t('registry.fields.personId')), check.personId()]}>
                        <Input inputMode="numeric" maxLength={12} autoComplete="off" />
                      </Form.Item>
                      <Form.Item name="fullName" label={t('registry.fields.fullName')} rules={[check.required(t('registry.fields.fullName')), check.name()]}>
                        <Input maxLength={100} autoComplete="off" />
                      </Form.Item>
                      <Form.Item name="birthDate" label={t('registry.fields.birthDate')} rules={[check.required(t('registry.fields.birthDate'))]}>
                        <DateField notAfterToday />
                      </Form.Item>
                      <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={!purpose}>
                        {t('scanner.check')}
                      </Button>
                    </Form>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ProblemAlert error={error} />
          {result ? (
            <>
              <VerificationResult response={result} />
              <Button size="large" style={{ marginTop: 16 }} onClick={next} data-testid="verify-next">
                {t('verify.next')}
              </Button>
            </>
          ) : (
            !error && (
              <Card>
                <Typography.Paragraph style={{ margin: 0 }}>{t('verify.waiting')}</Typography.Paragraph>
              </Card>
            )
          )}
        </Col>
      </Row>
    </>
  );
}
