/**
 * Which establishments in the officer's wards notify late, and which have been silent (no notice at all) over the
 * last days — the ones to visit first.
 */
import { Card, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { DataTable } from '../../features/plan/ui.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDateTime } from '../../format.ts';
import { presenceApi, type ComplianceRow } from '../../features/presence/api.ts';
import { useWardNames } from '../../features/registry/wards.ts';

const PERIODS = [7, 30, 90] as const;
type View = 'attention' | 'all';

export default function Compliance() {
  const { t } = useTranslation('presence');
  const [days, setDays] = useState<(typeof PERIODS)[number]>(7);
  const [view, setView] = useState<View>('attention');
  const loaded = useLoad((signal) => presenceApi.compliance(days, signal), [days]);
  const names = useWardNames([...new Set((loaded.data ?? []).map((row) => row.policeWardCode))]);
  const rows = (loaded.data ?? [])
    .filter((row) => view === 'all' || row.silent || row.lateGuests > 0)
    .sort((a, b) => Number(b.silent) - Number(a.silent) || b.lateGuests - a.lateGuests || a.name.localeCompare(b.name, 'vi'));
  const silent = (loaded.data ?? []).filter((row) => row.silent).length;
  const late = (loaded.data ?? []).filter((row) => row.lateGuests > 0).length;
  const title = t('compliance.title');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      <Card>
        <Space wrap size={24} align="end" style={{ marginBottom: 16 }}>
          <div role="group" aria-labelledby="compliance-days-label">
            <span id="compliance-days-label" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
              {t('compliance.period')}
            </span>
            <Segmented<(typeof PERIODS)[number]> value={days} onChange={setDays} options={PERIODS.map((value) => ({ value, label: t('compliance.days', { count: value }) }))} />
          </div>
          <div role="group" aria-labelledby="compliance-view-label">
            <span id="compliance-view-label" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
              {t('compliance.show')}
            </span>
            <Segmented<View> value={view} onChange={setView} options={(['attention', 'all'] as const).map((value) => ({ value, label: t(`compliance.views.${value}`) }))} />
          </div>
          {loaded.data && (
            <Typography.Text data-testid="compliance-summary">{t('compliance.summary', { silent, late, total: loaded.data.length })}</Typography.Text>
          )}
        </Space>
        <DataTable<ComplianceRow>
          testId="compliance"
          caption={title}
          loading={loaded.loading}
          rows={rows}
          rowKey={(row) => row.establishmentId}
          emptyText={t(view === 'attention' ? 'compliance.allGood' : 'compliance.empty')}
          columns={[
            { key: 'name', title: t('establishments.name'), render: (row) => <Link to={`/presence/establishments/${row.establishmentId}`}>{row.name}</Link> },
            { key: 'kind', title: t('establishments.kind'), render: (row) => t(`kinds.${row.kind}`, { defaultValue: row.kind }) },
            { key: 'ward', title: t('establishments.ward'), render: (row) => names[row.policeWardCode] ?? row.policeWardCode },
            {
              key: 'state',
              title: t('compliance.state'),
              render: (row) =>
                row.silent ? <Tag color="error">{t('compliance.silent')}</Tag> : row.lateGuests > 0 ? <Tag color="warning">{t('compliance.late')}</Tag> : <Tag color="success">{t('compliance.ok')}</Tag>,
            },
            { key: 'notices', title: t('compliance.notices'), render: (row) => row.notices },
            { key: 'guests', title: t('compliance.guests'), render: (row) => `${row.guests}${row.lateGuests ? ` (${t('compliance.lateGuests', { count: row.lateGuests })})` : ''}` },
            { key: 'last', title: t('compliance.lastNotice'), render: (row) => (row.lastNoticeAt ? formatDateTime(row.lastNoticeAt) : t('compliance.never')) },
          ]}
        />
      </Card>
    </>
  );
}
