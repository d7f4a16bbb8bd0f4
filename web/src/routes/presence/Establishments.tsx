/**
 * Establishments in the officer's wards: hotels, rentals, hospitals, bus operators and gated sites. Owners register
 * and wait; the police approve, reject or suspend (only an approved establishment can send notices). An officer may
 * also register one directly (approved at once). Each opens its current guests.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { newRequestId } from '../../api.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate } from '../../format.ts';
import { ALL_WARDS } from '../../features/identity/roles.ts';
import { useSession } from '../../features/identity/session.tsx';
import { DataTable, FieldLabel } from '../../features/plan/ui.tsx';
import { ESTABLISHMENT_KINDS, presenceApi, type Establishment } from '../../features/presence/api.ts';
import { EstablishmentStatus } from '../../features/presence/ui.tsx';
import { useWardNames } from '../../features/registry/wards.ts';

const STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
interface RegisterForm {
  kind: string;
  name: string;
  address: string;
  wardCode: string;
  capacity?: number;
  remoteArea?: boolean;
}

export default function Establishments() {
  const { t } = useTranslation('presence');
  const { message } = App.useApp();
  const { session } = useSession();
  const [status, setStatus] = useState<string | undefined>('pending');
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState(false);
  const [error, setError] = useState<unknown>();
  const pageSize = 50;
  const loaded = useLoad((signal) => presenceApi.establishments({ status, page, pageSize }, signal), [status, page]);
  const wards = (session?.wards ?? []).filter((ward) => ward !== ALL_WARDS);
  const names = useWardNames([...new Set([...wards, ...(loaded.data ?? []).map((row) => row.policeWardCode)])]);

  const decide = async (row: Establishment, decision: 'approved' | 'rejected' | 'suspended') => {
    setError(undefined);
    try {
      await presenceApi.decide(row.id, { requestId: newRequestId(), decision });
      void message.success(t(`establishments.decided.${decision}`, { name: row.name }));
      loaded.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const title = t('establishments.title');
  return (
    <>
      <PageTitle
        title={title}
        extra={
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setRegistering(true)} data-testid="register-establishment">
            {t('establishments.register')}
          </Button>
        }
      >
        {title}
      </PageTitle>
      <ProblemAlert error={loaded.error ?? error} onRetry={loaded.reload} />
      <Card>
        <div style={{ marginBottom: 16 }}>
          <FieldLabel htmlFor="establishment-status">{t('establishments.status')}</FieldLabel>
          <Select<string>
            id="establishment-status"
            allowClear
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            placeholder={t('establishments.allStatuses')}
            style={{ width: 220 }}
            options={STATUSES.map((value) => ({ value, label: t(`establishments.statuses.${value}`) }))}
            data-testid="establishment-status-filter"
          />
        </div>
        <DataTable<Establishment>
          testId="establishments"
          caption={title}
          loading={loaded.loading}
          rows={loaded.data ?? []}
          rowKey={(row) => row.id}
          emptyText={t('establishments.empty')}
          columns={[
            { key: 'name', title: t('establishments.name'), render: (row) => <Link to={`/presence/establishments/${row.id}`}>{row.name}</Link> },
            { key: 'kind', title: t('establishments.kind'), render: (row) => t(`kinds.${row.kind}`, { defaultValue: row.kind }) },
            { key: 'address', title: t('establishments.address'), render: (row) => row.address },
            { key: 'ward', title: t('establishments.ward'), render: (row) => names[row.policeWardCode] ?? row.policeWardCode },
            { key: 'status', title: t('establishments.status'), render: (row) => <EstablishmentStatus status={row.status} /> },
            { key: 'created', title: t('establishments.createdAt'), render: (row) => formatDate(row.createdAt), hideOnPhone: true },
            {
              key: 'actions',
              title: t('establishments.actions'),
              render: (row) => (
                <Space wrap size={4}>
                  {row.status !== 'approved' && (
                    <Button size="small" type="primary" onClick={() => void decide(row, 'approved')} data-testid={`approve-${row.id}`} aria-label={t('establishments.approveOne', { name: row.name })}>
                      {t('establishments.approve')}
                    </Button>
                  )}
                  {row.status === 'pending' && (
                    <Popconfirm title={t('establishments.rejectConfirm', { name: row.name })} okText={t('establishments.reject')} cancelText={t('common.cancel')} onConfirm={() => void decide(row, 'rejected')}>
                      <Button size="small" danger aria-label={t('establishments.rejectOne', { name: row.name })}>
                        {t('establishments.reject')}
                      </Button>
                    </Popconfirm>
                  )}
                  {row.status === 'approved' && (
                    <Popconfirm title={t('establishments.suspendConfirm', { name: row.name })} okText={t('establishments.suspend')} cancelText={t('common.cancel')} onConfirm={() => void decide(row, 'suspended')}>
                      <Button size="small" danger aria-label={t('establishments.suspendOne', { name: row.name })}>
                        {t('establishments.suspend')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button disabled={page === 1} onClick={() => setPage(page - 1)}>
            {t('common.previous')}
          </Button>
          <span>{t('common.page', { page })}</span>
          <Button disabled={(loaded.data?.length ?? 0) < pageSize} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </Button>
        </Space>
      </Card>
      <ActionModal<RegisterForm>
        open={registering}
        title={t('establishments.registerTitle')}
        okText={t('establishments.registerOk')}
        testId="register"
        initialValues={{ kind: 'hotel', wardCode: wards[0], remoteArea: false }}
        onClose={() => setRegistering(false)}
        onSubmit={async (values, requestId) => {
          const created = await presenceApi.registerEstablishment({
            requestId,
            kind: values.kind,
            name: values.name.trim(),
            address: values.address.trim(),
            wardCode: values.wardCode,
            ...(values.capacity ? { capacity: values.capacity } : {}),
            remoteArea: values.remoteArea ?? false,
          });
          void message.success(t('establishments.registered', { id: created.id }));
          setStatus(undefined);
          loaded.reload();
        }}
      >
        {() => (
          <>
            <Form.Item name="kind" label={t('establishments.kind')} rules={[{ required: true, message: t('validation.required', { field: t('establishments.kind') }) }]}>
              <Select options={ESTABLISHMENT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('establishments.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('establishments.name') }) }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="address" label={t('establishments.address')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('establishments.address') }) }]}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item
              name="wardCode"
              label={t('establishments.ward')}
              rules={[{ required: true, message: t('validation.required', { field: t('establishments.ward') }) }, { pattern: /^\d{5}$/, message: t('validation.ward') }]}
            >
              {wards.length > 0 ? <Select options={wards.map((code) => ({ value: code, label: `${names[code] ?? code} (${code})` }))} /> : <Input inputMode="numeric" maxLength={5} />}
            </Form.Item>
            <Form.Item name="capacity" label={t('establishments.capacity')}>
              <InputNumber min={1} max={100000} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="remoteArea" label={t('establishments.remoteArea')} valuePropName="checked" extra={t('establishments.remoteAreaHint')}>
              <Switch />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </>
  );
}
