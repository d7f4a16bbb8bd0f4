/**
 * Police registry: one resident's record (household, cards, history) and the changes an officer records on it —
 * a death, a move, a card issuance, a card revoked or lost. Every read and change is audited by the server.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ActionModal } from '../components/ActionModal.tsx';
import { DateField } from '../components/DateField.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useLoad } from '../components/useLoad.ts';
import { registryApi, type Card } from '../features/registry/api.ts';
import { RecordView } from '../features/registry/RecordView.tsx';
import { rules } from '../features/registry/rules.ts';
import { WardInput } from '../features/registry/WardInput.tsx';

type Dialog = { kind: 'death' } | { kind: 'move' } | { kind: 'card' } | { kind: 'cardStatus'; card: Card } | undefined;

/** Luật Căn cước 26/2023/QH15: from 1 July 2024 the Căn cước card is issued, before it the CCCD. */
const CAN_CUOC_FROM = '2024-07-01';

export default function ResidentRecord() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const record = useLoad((signal) => registryApi.getResident(personId, signal), [personId]);
  const [dialog, setDialog] = useState<Dialog>();
  const check = rules(t);
  const close = () => setDialog(undefined);
  const done = (text: string) => {
    void message.success(text);
    record.reload();
  };

  const data = record.data;
  const living = data?.status === 'living';
  const title = data?.fullName ?? t('nav.residentRecord');
  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingLeft: 0 }}>
        {t('common.back')}
      </Button>
      <PageTitle
        title={title}
        extra={
          living && (
            <Space wrap>
              <Button onClick={() => setDialog({ kind: 'move' })} data-testid="action-move">
                {t('registry.actions.move')}
              </Button>
              <Button onClick={() => setDialog({ kind: 'card' })} data-testid="action-card">
                {t('registry.actions.card')}
              </Button>
              <Button danger onClick={() => setDialog({ kind: 'death' })} data-testid="action-death">
                {t('registry.actions.death')}
              </Button>
            </Space>
          )
        }
      >
        {title}
      </PageTitle>
      <ProblemAlert error={record.error} onRetry={record.reload} />
      {record.loading && !data && <Loading />}
      {data?.wanted && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('registry.record.wanted')} data-testid="wanted-flag" />}
      {data && (
        <RecordView
          record={data}
          memberLink={(member) => `/registry/residents/${member.personId}`}
          cardActions={(card) =>
            card.status === 'active' ? (
              <Button size="small" onClick={() => setDialog({ kind: 'cardStatus', card })}>
                {t('registry.actions.cardStatus')}
              </Button>
            ) : (
              '—'
            )
          }
        />
      )}

      <ActionModal<{ dateOfDeath: string; reason?: string }>
        open={dialog?.kind === 'death'}
        title={t('registry.actions.deathTitle', { name: data?.fullName ?? '' })}
        okText={t('registry.actions.record')}
        danger
        testId="death-form"
        onClose={close}
        onSubmit={async (values, requestId) => {
          await registryApi.recordDeath(personId, { requestId, dateOfDeath: values.dateOfDeath, ...(values.reason ? { reason: values.reason } : {}) });
          done(t('registry.actions.deathDone'));
        }}
      >
        {() => (
          <>
            <Form.Item name="dateOfDeath" label={t('registry.fields.dateOfDeath')} rules={[check.required(t('registry.fields.dateOfDeath')), check.notFuture()]}>
              <DateField notAfterToday />
            </Form.Item>
            <Form.Item name="reason" label={t('registry.fields.reason')} rules={[check.reason()]}>
              <Input.TextArea rows={2} maxLength={300} showCount />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ moveDate: string; destination: 'within_town' | 'out_of_town'; newWardCode?: string; newAddress?: string; householdId?: string; reason?: string }>
        open={dialog?.kind === 'move'}
        title={t('registry.actions.moveTitle', { name: data?.fullName ?? '' })}
        okText={t('registry.actions.record')}
        testId="move-form"
        initialValues={{ destination: 'within_town' }}
        onClose={close}
        onSubmit={async (values, requestId) => {
          const body: Record<string, unknown> = { requestId, moveDate: values.moveDate, destination: values.destination };
          for (const key of ['newWardCode', 'newAddress', 'householdId', 'reason'] as const) if (values[key]) body[key] = values[key]!.trim();
          await registryApi.recordMove(personId, body);
          done(t('registry.actions.moveDone'));
        }}
      >
        {(form) => (
          <>
            <Form.Item name="moveDate" label={t('registry.fields.moveDate')} rules={[check.required(t('registry.fields.moveDate')), check.notFuture()]}>
              <DateField notAfterToday />
            </Form.Item>
            <Form.Item name="destination" label={t('registry.fields.destination')}>
              <Radio.Group
                options={[
                  { value: 'within_town', label: t('registry.destination.within_town') },
                  { value: 'out_of_town', label: t('registry.destination.out_of_town') },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(before, after) => before.destination !== after.destination}>
              {() =>
                form.getFieldValue('destination') === 'within_town' && (
                  <>
                    <Form.Item name="householdId" label={t('registry.fields.receivingHousehold')} extra={t('registry.actions.moveHint')} rules={[check.household()]}>
                      <Input maxLength={40} autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      name="newWardCode"
                      label={t('registry.fields.newWard')}
                      dependencies={['householdId']}
                      rules={[check.ward(), ({ getFieldValue }) => ({ required: !getFieldValue('householdId'), message: t('validation.moveNeedsWard') })]}
                    >
                      <WardInput />
                    </Form.Item>
                    <Form.Item
                      name="newAddress"
                      label={t('registry.fields.newAddress')}
                      dependencies={['householdId']}
                      rules={[check.address(), ({ getFieldValue }) => ({ required: !getFieldValue('householdId'), message: t('validation.moveNeedsWard') })]}
                    >
                      <Input maxLength={300} autoComplete="off" />
                    </Form.Item>
                  </>
                )
              }
            </Form.Item>
            <Form.Item name="reason" label={t('registry.fields.reason')} rules={[check.reason()]}>
              <Input.TextArea rows={2} maxLength={300} showCount />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ issueDate: string; cardType?: 'CCCD' | 'CAN_CUOC' }>
        open={dialog?.kind === 'card'}
        title={t('registry.actions.cardTitle', { name: data?.fullName ?? '' })}
        okText={t('registry.actions.record')}
        testId="card-form"
        onClose={close}
        onSubmit={async (values, requestId) => {
          await registryApi.issueCard(personId, { requestId, issueDate: values.issueDate, ...(values.cardType ? { cardType: values.cardType } : {}) });
          done(t('registry.actions.cardDone'));
        }}
      >
        {(form) => (
          <>
            <Form.Item name="issueDate" label={t('registry.fields.issueDate')} rules={[check.required(t('registry.fields.issueDate')), check.notFuture()]}>
              <DateField notAfterToday />
            </Form.Item>
            <Form.Item
              name="cardType"
              label={t('registry.fields.cardType')}
              extra={t('registry.actions.cardTypeHint')}
              dependencies={['issueDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string | undefined) => {
                    const date = getFieldValue('issueDate') as string | undefined;
                    if (!value || !date) return;
                    if ((value === 'CAN_CUOC') !== date >= CAN_CUOC_FROM) throw new Error(t('validation.cardTypeOnDate'));
                  },
                }),
              ]}
            >
              <Select
                allowClear
                placeholder={t('registry.actions.cardTypeAuto')}
                style={{ maxWidth: 320 }}
                onClear={() => form.setFieldValue('cardType', undefined)}
                options={[
                  { value: 'CAN_CUOC', label: t('registry.cardType.CAN_CUOC') },
                  { value: 'CCCD', label: t('registry.cardType.CCCD') },
                ]}
              />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ status: 'revoked' | 'lost'; reason?: string }>
        open={dialog?.kind === 'cardStatus'}
        title={t('registry.actions.cardStatusTitle', { number: dialog?.kind === 'cardStatus' ? dialog.card.number : '' })}
        okText={t('registry.actions.record')}
        danger
        testId="card-status-form"
        initialValues={{ status: 'lost' }}
        onClose={close}
        onSubmit={async (values, requestId) => {
          if (dialog?.kind !== 'cardStatus') return;
          await registryApi.changeCardStatus(personId, dialog.card.id, { requestId, status: values.status, ...(values.reason ? { reason: values.reason } : {}) });
          done(t('registry.actions.cardStatusDone'));
        }}
      >
        {() => (
          <>
            <Form.Item name="status" label={t('registry.fields.cardStatus')}>
              <Radio.Group
                options={[
                  { value: 'lost', label: t('registry.cardStatus.lost') },
                  { value: 'revoked', label: t('registry.cardStatus.revoked') },
                ]}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('registry.fields.reason')} rules={[check.reason()]}>
              <Input.TextArea rows={2} maxLength={300} showCount />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </>
  );
}
