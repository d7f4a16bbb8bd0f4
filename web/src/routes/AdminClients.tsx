/**
 * Administrator: OpenID clients — the town's systems that sign people in through DA06 (relying parties: the hospital,
 * the one-stop system, a school) and agency systems that call the API as themselves. Register one (its secret is shown
 * once), pause or resume it, issue a new secret. The web app's own client is listed too and cannot be edited here.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Pagination, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionModal } from '../components/ActionModal.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { useLoad } from '../components/useLoad.ts';
import { CLIENT_SCOPES, identityApi, type Client } from '../features/identity/api.ts';
import { WardsSelect } from '../features/registry/WardInput.tsx';
import { formatDate } from '../format.ts';

const PAGE_SIZE = 20;

interface ClientValues {
  name: string;
  kind: 'relying_party' | 'agency';
  purpose: string;
  redirectUris?: string;
  postLogoutRedirectUris?: string;
  scopes?: string[];
  subjectType?: 'pairwise' | 'public';
  wards?: string[];
}

const lines = (text: string | undefined) => (text ?? '').split(/\s+/).map((line) => line.trim()).filter(Boolean);

export default function AdminClients() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const clients = useLoad((signal) => identityApi.listClients({ page, pageSize: PAGE_SIZE }, signal), [page]);
  const [registering, setRegistering] = useState(false);
  const [secret, setSecret] = useState<{ clientId: string; secret: string }>();
  const [error, setError] = useState<unknown>();

  const act = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
      clients.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <>
      <PageTitle
        title={t('nav.adminClients')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-client">
            {t('admin.clients.register')}
          </Button>
        }
      >
        {t('nav.adminClients')}
      </PageTitle>
      <Typography.Paragraph style={{ maxWidth: 760 }}>{t('admin.clients.lead')}</Typography.Paragraph>
      <ProblemAlert error={clients.error ?? error} onRetry={clients.reload} />
      <ResponsiveTable<Client>
        rows={clients.data?.items ?? []}
        loading={clients.loading}
        rowKey={(client) => client.clientId}
        emptyText={t('admin.clients.none')}
        caption={t('nav.adminClients')}
        testId="clients"
        columns={[
          { key: 'name', title: t('admin.clients.name'), render: (client) => <strong>{client.name}</strong> },
          { key: 'id', title: t('admin.clients.clientId'), render: (client) => <span className="mono">{client.clientId}</span> },
          { key: 'kind', title: t('admin.clients.kind'), render: (client) => t(`admin.clients.kinds.${client.kind}`, { defaultValue: client.kind }) },
          { key: 'purpose', title: t('admin.clients.purpose'), render: (client) => client.purpose },
          { key: 'scopes', title: t('admin.clients.scopes'), render: (client) => client.scopes.map((scope) => <Tag key={scope}>{scope}</Tag>) },
          { key: 'redirects', title: t('admin.clients.redirectUris'), render: (client) => (client.redirectUris.length > 0 ? <span style={{ overflowWrap: 'anywhere' }}>{client.redirectUris.join(' ')}</span> : '—') },
          { key: 'status', title: t('admin.accounts.status'), render: (client) => <StatusTag tone={client.status === 'active' ? 'ok' : 'bad'}>{t(`admin.status.${client.status}`, { defaultValue: client.status })}</StatusTag> },
          { key: 'created', title: t('admin.accounts.created'), render: (client) => formatDate(client.createdAt) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (client) =>
              client.clientId === 'da06-web' ? (
                t('admin.clients.webClient')
              ) : (
                <Space wrap>
                  <Button
                    size="small"
                    onClick={() =>
                      void act(async () => {
                        await identityApi.updateClient(client.clientId, { status: client.status === 'active' ? 'disabled' : 'active' });
                        void message.success(t('admin.saved'));
                      })
                    }
                  >
                    {client.status === 'active' ? t('admin.clients.disable') : t('admin.clients.enable')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() =>
                      modal.confirm({
                        title: t('admin.clients.rotateConfirm', { name: client.name }),
                        okText: t('common.confirm'),
                        cancelText: t('common.cancel'),
                        onOk: () =>
                          act(async () => {
                            const rotated = await identityApi.rotateClientSecret(client.clientId);
                            setSecret({ clientId: rotated.clientId, secret: rotated.clientSecret });
                          }),
                      })
                    }
                  >
                    {t('admin.clients.rotate')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {clients.data && clients.data.total > PAGE_SIZE && (
        <Pagination style={{ marginTop: 16 }} current={page} pageSize={PAGE_SIZE} total={clients.data.total} showSizeChanger={false} showLessItems onChange={setPage} />
      )}

      <ActionModal<ClientValues>
        open={registering}
        title={t('admin.clients.register')}
        okText={t('admin.create')}
        testId="client-form"
        initialValues={{ kind: 'relying_party', scopes: ['openid', 'profile'], subjectType: 'pairwise' }}
        onClose={() => setRegistering(false)}
        onSubmit={async (values, requestId) => {
          const body: Record<string, unknown> = { requestId, name: values.name.trim(), kind: values.kind, purpose: values.purpose.trim() };
          if (values.kind === 'relying_party') {
            body.redirectUris = lines(values.redirectUris);
            if (lines(values.postLogoutRedirectUris).length > 0) body.postLogoutRedirectUris = lines(values.postLogoutRedirectUris);
            body.scopes = values.scopes;
            body.subjectType = values.subjectType;
          } else if (values.wards?.length) {
            body.wards = values.wards;
          }
          const created = await identityApi.registerClient(body);
          clients.reload();
          if (created.clientSecret) setSecret({ clientId: created.client.clientId, secret: created.clientSecret });
        }}
      >
        {(form) => (
          <>
            <Form.Item name="name" label={t('admin.clients.name')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('admin.clients.name') }) }]}>
              <Input maxLength={120} autoComplete="off" />
            </Form.Item>
            <Form.Item name="kind" label={t('admin.clients.kind')}>
              <Radio.Group
                options={[
                  { value: 'relying_party', label: t('admin.clients.kinds.relying_party') },
                  { value: 'agency', label: t('admin.clients.kinds.agency') },
                ]}
              />
            </Form.Item>
            <Form.Item name="purpose" label={t('admin.clients.purpose')} extra={t('admin.clients.purposeHint')} rules={[{ required: true, min: 5, max: 500, message: t('validation.purpose') }]}>
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(before, after) => before.kind !== after.kind}>
              {() =>
                form.getFieldValue('kind') === 'relying_party' ? (
                  <>
                    <Form.Item
                      name="redirectUris"
                      label={t('admin.clients.redirectUris')}
                      extra={t('admin.clients.redirectHint')}
                      rules={[
                        { required: true, message: t('validation.required', { field: t('admin.clients.redirectUris') }) },
                        {
                          validator: async (_rule, value: string | undefined) => {
                            if (lines(value).some((uri) => !/^https?:\/\/[^\s#]+$/.test(uri))) throw new Error(t('validation.redirectUri'));
                          },
                        },
                      ]}
                    >
                      <Input.TextArea rows={2} autoComplete="off" />
                    </Form.Item>
                    <Form.Item name="postLogoutRedirectUris" label={t('admin.clients.postLogout')}>
                      <Input.TextArea rows={1} autoComplete="off" />
                    </Form.Item>
                    <Form.Item name="scopes" label={t('admin.clients.scopes')} extra={t('admin.clients.scopesHint')}>
                      <Select mode="multiple" options={CLIENT_SCOPES.map((scope) => ({ value: scope, label: `${scope} — ${t(`admin.clients.scopeLabels.${scope}`)}` }))} />
                    </Form.Item>
                    <Form.Item name="subjectType" label={t('admin.clients.subjectType')}>
                      <Radio.Group
                        options={[
                          { value: 'pairwise', label: t('admin.clients.pairwise') },
                          { value: 'public', label: t('admin.clients.public') },
                        ]}
                      />
                    </Form.Item>
                  </>
                ) : (
                  <Form.Item name="wards" label={t('admin.accounts.wards')} extra={t('admin.clients.agencyWards')}>
                    <WardsSelect />
                  </Form.Item>
                )
              }
            </Form.Item>
          </>
        )}
      </ActionModal>

      <Modal open={secret !== undefined} title={t('admin.clients.secretTitle')} onCancel={() => setSecret(undefined)} footer={<Button onClick={() => setSecret(undefined)}>{t('common.close')}</Button>}>
        <Typography.Paragraph>{t('admin.clients.secretLead', { clientId: secret?.clientId ?? '' })}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: secret?.secret ?? '' }} className="mono" style={{ overflowWrap: 'anywhere' }} data-testid="client-secret">
          {secret?.secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
