/**
 * Citizen: "Ai đã xem dữ liệu của tôi" — every read or change of my data from the audit log: who (by role, or the
 * agency system), when, why and on what legal basis, which fields (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15: the data
 * subject's right to know).
 */
import { Alert, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { useLoad } from '../components/useLoad.ts';
import { actionKey, auditApi, type OwnDataAccess } from '../features/audit/api.ts';
import { formatDateTime } from '../format.ts';

const PAGE_SIZE = 20;
/** The web app's own OpenID client (identity WEB_CLIENT_ID). */
const WEB_CLIENT_ID = 'da06-web';

export default function MyDataAccess() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const entries = useLoad((signal) => auditApi.myDataAccess(page, PAGE_SIZE, signal), [page]);
  const who = (entry: OwnDataAccess) => {
    // A machine without a client id is the platform itself (audit SYSTEM_ACTOR: seeding, sweeps).
    if (entry.actorKind === 'client') return entry.clientId ? t('citizen.access.agencySystem', { client: entry.clientId }) : t('citizen.access.platform');
    if (entry.purpose === 'data_subject_access') return t('citizen.access.you');
    const role = t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole });
    // Staff reach the data through this web app (da06-web) or another application signed in through DA06.
    return entry.clientId && entry.clientId !== WEB_CLIENT_ID ? t('citizen.access.through', { role, client: entry.clientId }) : role;
  };
  return (
    <>
      <PageTitle title={t('nav.myDataAccess')}>{t('nav.myDataAccess')}</PageTitle>
      <Typography.Paragraph style={{ maxWidth: 760 }}>{t('citizen.access.lead')}</Typography.Paragraph>
      <ProblemAlert error={entries.error} onRetry={entries.reload} />
      {entries.data && (
        <Typography.Paragraph data-testid="access-count">{t('citizen.access.count', { count: entries.data.total })}</Typography.Paragraph>
      )}
      {!entries.error && (
        <ResponsiveTable<OwnDataAccess>
          rows={entries.data?.items ?? []}
          loading={entries.loading}
          rowKey={(entry) => `${entry.occurredAt}-${entry.action}-${entry.actorRole}-${entry.fields.join(',')}`}
          emptyText={t('citizen.access.none')}
          caption={t('nav.myDataAccess')}
          testId="data-access"
          columns={[
            { key: 'who', title: t('citizen.access.who'), render: (entry) => <strong data-testid="access-who">{who(entry)}</strong> },
            { key: 'when', title: t('citizen.access.when'), render: (entry) => <span className="nowrap">{formatDateTime(entry.occurredAt)}</span> },
            { key: 'what', title: t('citizen.access.what'), render: (entry) => <span data-testid="access-action">{t(`auditActions.${actionKey(entry.action)}`, { defaultValue: entry.action })}</span> },
            { key: 'why', title: t('citizen.access.why'), render: (entry) => t(`purposes.${entry.purpose}`, { defaultValue: entry.purpose }) },
            { key: 'basis', title: t('citizen.access.legalBasis'), render: (entry) => <span style={{ fontSize: 13 }}>{entry.legalBasis}</span> },
            { key: 'fields', title: t('citizen.access.fields'), render: (entry) => (entry.fields.length > 0 ? entry.fields.map((field) => t(`registry.fields.${field}`, { defaultValue: field })).join(', ') : '—') },
            {
              key: 'outcome',
              title: t('citizen.access.outcome'),
              render: (entry) => <StatusTag tone={entry.outcome === 'success' ? 'neutral' : 'warn'}>{t(`citizen.access.outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}</StatusTag>,
            },
          ]}
        />
      )}
      {entries.data && entries.data.total > PAGE_SIZE && (
        <Pagination style={{ marginTop: 16 }} current={page} pageSize={PAGE_SIZE} total={entries.data.total} showSizeChanger={false} showLessItems onChange={setPage} />
      )}
      <Alert type="info" showIcon style={{ marginTop: 24, maxWidth: 760 }} title={t('citizen.access.rightsTitle')} description={t('citizen.access.rights')} />
    </>
  );
}
