/**
 * Administrator: wards. Staff act on the wards on their account, and ward codes were reused in the 2025
 * reorganisation (13348 was Phường Yên Bắc until 30/06/2025, Phường Đồng Văn since): look a code up on a date, see
 * what it is today, and who is assigned to it. The list of the town's current wards needs a server route that does
 * not exist yet (GET /api/v1/registry/wards); until then the screen says so and works from codes.
 */
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem } from '../api.ts';
import { DateField } from '../components/DateField.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useLoad } from '../components/useLoad.ts';
import { identityApi, type Account } from '../features/identity/api.ts';
import { ALL_WARDS } from '../features/identity/roles.ts';
import { resolveUnit, useWardNames } from '../features/registry/wards.ts';
import { formatDate } from '../format.ts';

interface WardSummary {
  code: string;
  name: string;
  validFrom: string;
}

/** Proposed server route: the town's wards valid today (registry CURRENT_DUY_TIEN_WARDS). */
const WARDS_ROUTE = '/api/v1/registry/wards';

export default function AdminWards() {
  const { t } = useTranslation();
  const wards = useLoad((signal) => api<WardSummary[]>(WARDS_ROUTE, { signal }), []);
  // Staff accounts, to show who acts on which ward (the list is small in a town: one page of 200).
  const staff = useLoad((signal) => identityApi.listAccounts({ kind: 'staff', page: 1, pageSize: 200 }, signal), []);
  const inUse = [...new Set((staff.data?.items ?? []).flatMap((account) => account.wards))].filter((code) => code !== ALL_WARDS).sort();
  const names = useWardNames(inUse);
  const [lookup, setLookup] = useState<Awaited<ReturnType<typeof resolveUnit>> | null>();
  const [looking, setLooking] = useState(false);
  const missingRoute = wards.error instanceof ApiProblem && wards.error.status === 404;
  const assigned = (code: string) => (staff.data?.items ?? []).filter((account) => account.wards.includes(code) || account.wards.includes(ALL_WARDS));

  return (
    <>
      <PageTitle title={t('nav.adminWards')}>{t('nav.adminWards')}</PageTitle>
      <Card title={t('admin.wards.lookupTitle')} style={{ marginBottom: 24, maxWidth: 760 }}>
        <Form
          layout="vertical"
          onFinish={async (values: { code: string; date?: string }) => {
            setLooking(true);
            setLookup((await resolveUnit(values.code, values.date)) ?? null);
            setLooking(false);
          }}
        >
          <Space wrap align="start">
            <Form.Item name="code" label={t('admin.wards.code')} rules={[{ required: true, pattern: /^\d{5}$/, message: t('validation.ward') }]}>
              <Input inputMode="numeric" maxLength={5} style={{ width: 140 }} autoComplete="off" data-testid="ward-code" />
            </Form.Item>
            <Form.Item name="date" label={t('admin.wards.onDate')} extra={t('admin.wards.onDateHint')}>
              <DateField />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={looking} data-testid="ward-lookup">
            {t('admin.wards.lookup')}
          </Button>
        </Form>
        {lookup === null && <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('admin.wards.notFound')} />}
        {lookup && (
          <div style={{ marginTop: 16 }} data-testid="ward-result">
            {lookup.unit ? (
              <Descriptions
                size="small"
                bordered
                column={1}
                items={[
                  { key: 'name', label: t('admin.wards.name'), children: <strong>{lookup.unit.name}</strong> },
                  { key: 'validity', label: t('admin.wards.validity'), children: lookup.unit.validTo ? t('admin.wards.fromTo', { from: formatDate(lookup.unit.validFrom), to: formatDate(lookup.unit.validTo) }) : t('admin.wards.since', { from: formatDate(lookup.unit.validFrom) }) },
                  { key: 'today', label: t('admin.wards.today'), children: lookup.today.length > 0 ? lookup.today.map((unit) => `${unit.name} (${unit.code})`).join(', ') : '—' },
                  { key: 'staff', label: t('admin.wards.assigned'), children: assigned(lookup.unit.code).map((account) => <Tag key={account.id}>{account.displayName}</Tag>) },
                ]}
              />
            ) : (
              <Alert type="warning" showIcon title={t('admin.wards.notFoundOn', { date: formatDate(lookup.date) })} />
            )}
          </div>
        )}
      </Card>

      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {t('admin.wards.townWards')}
      </Typography.Title>
      {missingRoute ? (
        <Alert type="info" showIcon style={{ marginBottom: 16, maxWidth: 760 }} title={t('admin.wards.noData')} description={t('admin.wards.noDataDetail', { route: WARDS_ROUTE })} data-testid="wards-no-data" />
      ) : (
        <ProblemAlert error={wards.error} onRetry={wards.reload} />
      )}
      {wards.data && (
        <ResponsiveTable<WardSummary>
          rows={wards.data}
          rowKey={(ward) => ward.code}
          emptyText="—"
          caption={t('admin.wards.townWards')}
          columns={[
            { key: 'name', title: t('admin.wards.name'), render: (ward) => ward.name },
            { key: 'code', title: t('admin.wards.code'), render: (ward) => <span className="mono">{ward.code}</span> },
            { key: 'since', title: t('admin.wards.validity'), render: (ward) => t('admin.wards.since', { from: formatDate(ward.validFrom) }) },
            { key: 'staff', title: t('admin.wards.assigned'), render: (ward) => assigned(ward.code).map((account) => <Tag key={account.id}>{account.displayName}</Tag>) },
          ]}
        />
      )}

      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 24 }}>
        {t('admin.wards.inUse')}
      </Typography.Title>
      <ProblemAlert error={staff.error} onRetry={staff.reload} />
      <ResponsiveTable<string>
        rows={inUse}
        loading={staff.loading}
        rowKey={(code) => code}
        emptyText={t('admin.wards.noneInUse')}
        caption={t('admin.wards.inUse')}
        testId="wards-in-use"
        columns={[
          { key: 'name', title: t('admin.wards.name'), render: (code) => names[code] ?? t('registry.ward.unknown') },
          { key: 'code', title: t('admin.wards.code'), render: (code) => <span className="mono">{code}</span> },
          { key: 'staff', title: t('admin.wards.assigned'), render: (code) => assigned(code).map((account: Account) => <Tag key={account.id}>{account.displayName}</Tag>) },
        ]}
      />
    </>
  );
}
