/**
 * Administrator: accounts. Find accounts, create staff and business-owner accounts (the temporary password is shown
 * once), change display name, phone, roles, wards and status, issue a new temporary password, clear second factors,
 * end a login lock. Every action is audited by the server.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Input, Modal, Pagination, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ActionModal } from '../components/ActionModal.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { useLoad } from '../components/useLoad.ts';
import { ESTABLISHMENT_KINDS, identityApi, type Account } from '../features/identity/api.ts';
import { ALL_WARDS, BUSINESS_ROLES, STAFF_ROLES } from '../features/identity/roles.ts';
import { WardsSelect } from '../features/registry/WardInput.tsx';
import { useWardNames } from '../features/registry/wards.ts';
import { formatDate } from '../format.ts';

const PAGE_SIZE = 20;
const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;
const WARD = /^(\d{5}|\*)$/;

type Secret = { title: string; username: string; password: string };

export default function AdminAccounts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const accounts = useLoad((signal) => identityApi.listAccounts({ q: q || undefined, kind: kind || undefined, page, pageSize: PAGE_SIZE }, signal), [q, kind, page]);
  const [creating, setCreating] = useState<'staff' | 'business'>();
  const [editing, setEditing] = useState<Account>();
  const [secret, setSecret] = useState<Secret>();
  const knownWards = [...new Set((accounts.data?.items ?? []).flatMap((account) => account.wards))].filter((code) => code !== ALL_WARDS);
  const wardNames = useWardNames(knownWards);

  const go = (next: { q?: string; kind?: string; page?: number }) => {
    const merged = { q, kind, page: 1, ...next };
    const query: Record<string, string> = {};
    if (merged.q) query.q = merged.q;
    if (merged.kind) query.kind = merged.kind;
    if (merged.page > 1) query.page = String(merged.page);
    setParams(query);
  };
  const wardText = (wards: string[]) => (wards.length === 0 ? '—' : wards.map((code) => (code === ALL_WARDS ? t('app.allWards') : (wardNames[code] ?? code))).join(', '));

  return (
    <>
      <PageTitle
        title={t('nav.adminAccounts')}
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('staff')} data-testid="create-staff">
              {t('admin.accounts.createStaff')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setCreating('business')}>
              {t('admin.accounts.createBusiness')}
            </Button>
          </Space>
        }
      >
        {t('nav.adminAccounts')}
      </PageTitle>
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <div>
          <label htmlFor="account-search" style={{ display: 'block', marginBottom: 4 }}>
            {t('admin.accounts.search')}
          </label>
          <Input.Search id="account-search" defaultValue={q} allowClear enterButton={t('registry.search.button')} onSearch={(value) => go({ q: value.trim() })} style={{ width: 'min(360px, 88vw)' }} />
        </div>
        <div>
          <label htmlFor="account-kind" style={{ display: 'block', marginBottom: 4 }}>
            {t('admin.accounts.kind')}
          </label>
          <Select
            id="account-kind"
            value={kind}
            onChange={(value: string) => go({ kind: value })}
            style={{ width: 200 }}
            options={[{ value: '', label: t('admin.accounts.allKinds') }, ...['staff', 'business', 'citizen'].map((value) => ({ value, label: t(`admin.kinds.${value}`) }))]}
          />
        </div>
      </Space>
      <ProblemAlert error={accounts.error} onRetry={accounts.reload} />
      {accounts.data && <Typography.Paragraph>{t('admin.accounts.count', { count: accounts.data.total })}</Typography.Paragraph>}
      <ResponsiveTable<Account>
        rows={accounts.data?.items ?? []}
        loading={accounts.loading}
        rowKey={(account) => account.id}
        emptyText={t('admin.accounts.none')}
        caption={t('nav.adminAccounts')}
        testId="accounts"
        columns={[
          {
            key: 'name',
            title: t('admin.accounts.displayName'),
            render: (account) => (
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setEditing(account)}>
                {account.displayName}
              </Button>
            ),
          },
          { key: 'username', title: t('admin.accounts.username'), render: (account) => <span className="mono">{account.username}</span> },
          { key: 'kind', title: t('admin.accounts.kind'), render: (account) => t(`admin.kinds.${account.kind}`, { defaultValue: account.kind }) },
          { key: 'roles', title: t('admin.accounts.roles'), render: (account) => account.roles.map((role) => <Tag key={role}>{t(`roles.${role}`, { defaultValue: role })}</Tag>) },
          { key: 'wards', title: t('admin.accounts.wards'), render: (account) => wardText(account.wards) },
          {
            key: 'status',
            title: t('admin.accounts.status'),
            render: (account) => <StatusTag tone={account.status === 'active' ? 'ok' : 'bad'}>{t(`admin.status.${account.status}`, { defaultValue: account.status })}</StatusTag>,
          },
          {
            key: 'factors',
            title: t('admin.accounts.secondFactors'),
            render: (account) => (account.secondFactors.totp || account.secondFactors.passkeys > 0 ? t('admin.accounts.factorsOn', { passkeys: account.secondFactors.passkeys }) : t('admin.accounts.factorsOff')),
          },
          { key: 'created', title: t('admin.accounts.created'), render: (account) => formatDate(account.createdAt) },
        ]}
      />
      {accounts.data && accounts.data.total > PAGE_SIZE && (
        <Pagination style={{ marginTop: 16 }} current={page} pageSize={PAGE_SIZE} total={accounts.data.total} showSizeChanger={false} showLessItems onChange={(next) => go({ page: next })} />
      )}

      <CreateAccount
        kind={creating}
        knownWards={knownWards}
        onClose={() => setCreating(undefined)}
        onCreated={(created) => {
          accounts.reload();
          if (created.temporaryPassword) setSecret({ title: t('admin.accounts.createdTitle'), username: created.account.username, password: created.temporaryPassword });
        }}
      />
      <EditAccount
        account={editing}
        knownWards={knownWards}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          setEditing(saved);
          accounts.reload();
          void message.success(t('admin.saved'));
        }}
        onSecret={setSecret}
      />
      <Modal open={secret !== undefined} title={secret?.title} onCancel={() => setSecret(undefined)} footer={<Button onClick={() => setSecret(undefined)}>{t('common.close')}</Button>}>
        <Typography.Paragraph>{t('admin.accounts.temporaryLead', { username: secret?.username ?? '' })}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: secret?.password ?? '' }} className="mono" style={{ fontSize: 18 }} data-testid="temporary-password">
          {secret?.password}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.68)' }}>{t('admin.accounts.temporaryNote')}</Typography.Paragraph>
      </Modal>
    </>
  );
}

interface CreateValues {
  username: string;
  displayName: string;
  phone?: string;
  roles: string[];
  wards?: string[];
  unitId?: string;
  establishmentId?: string;
  establishmentKind?: string;
}

function CreateAccount({ kind, knownWards, onClose, onCreated }: { kind: 'staff' | 'business' | undefined; knownWards: string[]; onClose: () => void; onCreated: (created: Awaited<ReturnType<typeof identityApi.createStaff>>) => void }) {
  const { t } = useTranslation();
  const roles = kind === 'business' ? BUSINESS_ROLES : STAFF_ROLES;
  return (
    <ActionModal<CreateValues>
      open={kind !== undefined}
      title={kind === 'business' ? t('admin.accounts.createBusiness') : t('admin.accounts.createStaff')}
      okText={t('admin.create')}
      testId="create-account"
      onClose={onClose}
      onSubmit={async (values, requestId) => {
        const body: Record<string, unknown> = { requestId, username: values.username.trim(), displayName: values.displayName.trim(), roles: values.roles };
        if (values.phone) body.phone = values.phone.trim();
        if (values.wards?.length) body.wards = values.wards;
        if (kind === 'staff' && values.unitId) body.unitId = values.unitId.trim();
        if (kind === 'business') {
          body.establishmentId = values.establishmentId?.trim();
          body.establishmentKind = values.establishmentKind;
        }
        onCreated(kind === 'business' ? await identityApi.createBusiness(body) : await identityApi.createStaff(body));
      }}
    >
      {() => (
        <>
          <Form.Item name="username" label={t('admin.accounts.username')} extra={t('admin.accounts.usernameHint')} rules={[{ required: true, message: t('validation.required', { field: t('admin.accounts.username') }) }, { pattern: USERNAME, message: t('validation.username') }]}>
            <Input autoComplete="off" autoCapitalize="none" maxLength={40} />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.accounts.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('admin.accounts.displayName') }) }, { max: 100 }]}>
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
          <Form.Item name="phone" label={t('admin.accounts.phone')} rules={[{ pattern: /^(\+84|0)[0-9 .-]{8,13}$/, message: t('validation.phone') }]}>
            <Input inputMode="tel" autoComplete="off" maxLength={16} />
          </Form.Item>
          <Form.Item name="roles" label={t('admin.accounts.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.roles') }]}>
            <Select mode="multiple" options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
          </Form.Item>
          <Form.Item name="wards" label={t('admin.accounts.wards')} extra={t('admin.accounts.wardsHint')} rules={[wardsRule(t)]}>
            <WardsSelect known={knownWards} />
          </Form.Item>
          {kind === 'staff' && (
            <Form.Item name="unitId" label={t('admin.accounts.unit')} extra={t('admin.accounts.unitHint')}>
              <Input autoComplete="off" maxLength={64} />
            </Form.Item>
          )}
          {kind === 'business' && (
            <>
              <Form.Item name="establishmentId" label={t('admin.accounts.establishment')} rules={[{ required: true, message: t('validation.required', { field: t('admin.accounts.establishment') }) }, { pattern: /^[A-Za-z0-9._:-]{1,64}$/, message: t('validation.code') }]}>
                <Input autoComplete="off" maxLength={64} />
              </Form.Item>
              <Form.Item name="establishmentKind" label={t('admin.accounts.establishmentKind')} rules={[{ required: true, message: t('validation.required', { field: t('admin.accounts.establishmentKind') }) }]}>
                <Select options={ESTABLISHMENT_KINDS.map((value) => ({ value, label: t(`admin.establishmentKinds.${value}`) }))} />
              </Form.Item>
            </>
          )}
        </>
      )}
    </ActionModal>
  );
}

function wardsRule(t: (key: string) => string) {
  return {
    validator: async (_rule: unknown, value: string[] | undefined) => {
      if ((value ?? []).some((code) => !WARD.test(code))) throw new Error(t('validation.wards'));
    },
  };
}

function EditAccount({ account, knownWards, onClose, onSaved, onSecret }: { account: Account | undefined; knownWards: string[]; onClose: () => void; onSaved: (account: Account) => void; onSecret: (secret: Secret) => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ displayName: string; phone?: string; roles: string[]; wards: string[]; status: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const roles = account?.kind === 'business' ? BUSINESS_ROLES : account?.kind === 'citizen' ? ['citizen'] : STAFF_ROLES;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const confirm = (title: string, work: () => Promise<void>) => modal.confirm({ title, okText: t('common.confirm'), cancelText: t('common.cancel'), onOk: () => act(work) });

  return (
    <Drawer
      open={account !== undefined}
      onClose={() => {
        setError(undefined);
        onClose();
      }}
      title={account?.displayName}
      size={520}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
      afterOpenChange={(open) => open && account && form.setFieldsValue({ displayName: account.displayName, phone: account.phone ?? undefined, roles: account.roles, wards: account.wards, status: account.status })}
    >
      {account && (
        <>
          <ProblemAlert error={error} />
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'username', label: t('admin.accounts.username'), children: <span className="mono">{account.username}</span> },
              { key: 'kind', label: t('admin.accounts.kind'), children: t(`admin.kinds.${account.kind}`, { defaultValue: account.kind }) },
              ...(account.eIdLevel ? [{ key: 'eid', label: t('registry.fields.eIdLevel'), children: t('registry.eIdLevelValue', { level: account.eIdLevel }) }] : []),
              ...(account.establishmentId ? [{ key: 'est', label: t('admin.accounts.establishment'), children: `${account.establishmentId} (${t(`admin.establishmentKinds.${account.establishmentKind ?? ''}`, { defaultValue: account.establishmentKind ?? '' })})` }] : []),
              { key: 'factors', label: t('admin.accounts.secondFactors'), children: account.secondFactors.totp || account.secondFactors.passkeys > 0 ? t('admin.accounts.factorsOn', { passkeys: account.secondFactors.passkeys }) : t('admin.accounts.factorsOff') },
              { key: 'created', label: t('admin.accounts.created'), children: formatDate(account.createdAt) },
            ]}
          />
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) =>
              void act(async () => {
                const change: Record<string, unknown> = {};
                if (values.displayName.trim() !== account.displayName) change.displayName = values.displayName.trim();
                const phone = values.phone?.trim() || null;
                if (phone !== account.phone) change.phone = phone;
                if (values.roles.join() !== account.roles.join()) change.roles = values.roles;
                if (values.wards.join() !== account.wards.join()) change.wards = values.wards;
                if (values.status !== account.status) change.status = values.status;
                if (Object.keys(change).length === 0) {
                  void message.info(t('admin.nothingChanged'));
                  return;
                }
                onSaved(await identityApi.updateAccount(account.id, change));
              })
            }
          >
            <Form.Item name="displayName" label={t('admin.accounts.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('admin.accounts.displayName') }) }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="phone" label={t('admin.accounts.phone')} rules={[{ pattern: /^(\+84|0)[0-9 .-]{8,13}$/, message: t('validation.phone') }]}>
              <Input inputMode="tel" maxLength={16} />
            </Form.Item>
            <Form.Item name="roles" label={t('admin.accounts.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('validation.roles') }]}>
              <Select mode="multiple" options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
            </Form.Item>
            <Form.Item name="wards" label={t('admin.accounts.wards')} rules={[wardsRule(t)]}>
              <WardsSelect known={knownWards} />
            </Form.Item>
            <Form.Item name="status" label={t('admin.accounts.status')}>
              <Select
                options={[
                  { value: 'active', label: t('admin.status.active') },
                  { value: 'disabled', label: t('admin.status.disabled') },
                ]}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            {t('admin.accounts.security')}
          </Typography.Title>
          <Space wrap>
            <Button
              disabled={busy}
              onClick={() =>
                confirm(t('admin.accounts.resetPasswordConfirm'), async () => {
                  const result = await identityApi.resetPassword(account.id);
                  onSecret({ title: t('admin.accounts.resetPassword'), username: account.username, password: result.temporaryPassword });
                })
              }
            >
              {t('admin.accounts.resetPassword')}
            </Button>
            <Button
              disabled={busy}
              onClick={() =>
                confirm(t('admin.accounts.resetFactorsConfirm'), async () => {
                  await identityApi.resetSecondFactors(account.id);
                  void message.success(t('admin.accounts.resetFactorsDone'));
                })
              }
            >
              {t('admin.accounts.resetFactors')}
            </Button>
            <Button
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const result = await identityApi.unlock(account.id);
                  void message.info(result.unlocked ? t('admin.accounts.unlocked') : t('admin.accounts.notLocked'));
                })
              }
            >
              {t('admin.accounts.unlock')}
            </Button>
          </Space>
        </>
      )}
    </Drawer>
  );
}
