/**
 * A person's stays and gate passages, for the police. The purpose must be declared before anything is read: the
 * server records it with every read (Luật Bảo vệ dữ liệu cá nhân; the person sees the read in "who read my data").
 */
import { Button, Card, Col, Form, Input, Row, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CardTitle, DataTable } from '../../features/plan/ui.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { PERSON_PURPOSES, presenceApi, type PersonPresence } from '../../features/presence/api.ts';

export default function Person() {
  const { t } = useTranslation('presence');
  const [search, setSearch] = useSearchParams();
  const [form] = Form.useForm<{ personId: string; purpose?: string }>();
  const [result, setResult] = useState<PersonPresence>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const read = async (values: { personId: string; purpose?: string }) => {
    if (!values.purpose) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await presenceApi.person(values.personId.trim(), values.purpose));
      setSearch({ personId: values.personId.trim() }, { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const title = t('person.title');
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} name="person" layout="vertical" initialValues={{ personId: search.get('personId') ?? '' }} onFinish={(values) => void read(values)} data-testid="person-form">
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="personId" label={t('guests.personId')} rules={[{ required: true, message: t('validation.required', { field: t('guests.personId') }) }, { pattern: /^\d{12}$/, message: t('validation.personId') }]}>
                <Input inputMode="numeric" maxLength={12} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="purpose" label={t('person.purpose')} extra={t('person.purposeHint')} rules={[{ required: true, message: t('person.purposeRequired') }]}>
                <Select
                  placeholder={t('person.purposePlaceholder')}
                  options={PERSON_PURPOSES.map((purpose) => ({ value: purpose, label: t(`person.purposes.${purpose}`) }))}
                  data-testid="person-purpose"
                />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="person-read">
            {t('person.read')}
          </Button>
        </Form>
      </Card>
      <ProblemAlert error={error} />
      {result && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={<CardTitle>{t('person.stays', { count: result.stays.length })}</CardTitle>}>
              <DataTable<PersonPresence['stays'][number]>
                testId="person-stays"
                caption={t('person.stays', { count: result.stays.length })}
                rows={result.stays}
                rowKey={(stay) => stay.stayId}
                emptyText={t('person.noStays')}
                columns={[
                  { key: 'place', title: t('person.place'), render: (stay) => <Link to={`/presence/establishments/${stay.establishmentId}`}>{stay.establishmentName}</Link> },
                  { key: 'kind', title: t('establishments.kind'), render: (stay) => t(`kinds.${stay.establishmentKind}`, { defaultValue: stay.establishmentKind }) },
                  { key: 'room', title: t('receipt.room'), render: (stay) => stay.room ?? '—' },
                  { key: 'arrival', title: t('receipt.arrival'), render: (stay) => formatDateTime(stay.arrivalAt) },
                  {
                    key: 'departed',
                    title: t('person.departed'),
                    render: (stay) =>
                      stay.departedAt ? (
                        <>
                          {formatDateTime(stay.departedAt)} {stay.autoCheckedOut && <Tag>{t('person.auto')}</Tag>}
                        </>
                      ) : (
                        <Tag color="processing">{t('person.staying')}</Tag>
                      ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={<CardTitle>{t('person.entries', { count: result.entries.length })}</CardTitle>}>
              <DataTable<PersonPresence['entries'][number]>
                testId="person-entries"
                caption={t('person.entries', { count: result.entries.length })}
                rows={result.entries}
                rowKey={(entry) => entry.entryId}
                emptyText={t('person.noEntries')}
                columns={[
                  { key: 'site', title: t('person.site'), render: (entry) => entry.siteName },
                  { key: 'direction', title: t('gate.direction'), render: (entry) => t(entry.direction === 'in' ? 'gate.in' : 'gate.out') },
                  { key: 'at', title: t('person.at'), render: (entry) => formatDateTime(entry.occurredAt) },
                  { key: 'method', title: t('person.method'), render: (entry) => t(`person.methods.${entry.method}`, { defaultValue: entry.method }) },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      {result && <Typography.Paragraph style={{ marginTop: 12, color: 'rgba(0,0,0,0.68)' }}>{t('person.audited')}</Typography.Paragraph>}
    </>
  );
}
