/**
 * Police registry: search residents by name without diacritics ("nguyen van" finds "Nguyễn Văn …"), personal id or
 * old id, within the officer's wards; results page by 20. The query lives in the address so that "back" from a
 * record returns to the same results.
 */
import { Alert, Form, Grid, Input, Pagination, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '../components/PageTitle.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { ResponsiveTable, type Column } from '../components/ResponsiveTable.tsx';
import { useLoad } from '../components/useLoad.ts';
import { ALL_WARDS } from '../features/identity/roles.ts';
import { useSession } from '../features/identity/session.tsx';
import { registryApi, type ResidentSummary } from '../features/registry/api.ts';
import { useWardNames } from '../features/registry/wards.ts';
import { formatDate } from '../format.ts';

const PAGE_SIZE = 20;

export default function RegistrySearch() {
  const { t } = useTranslation();
  const { session } = useSession();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const ward = params.get('ward') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const wards = (session?.wards ?? []).filter((code) => code !== ALL_WARDS);
  const wardNames = useWardNames(wards);

  const results = useLoad(q.trim() === '' ? undefined : (signal) => registryApi.searchResidents({ q: q.trim(), ward: ward || undefined, page, pageSize: PAGE_SIZE }, signal), [q, ward, page]);

  const search = (next: { q?: string; ward?: string; page?: number }) => {
    const merged = { q, ward, page: 1, ...next };
    const query: Record<string, string> = {};
    if (merged.q) query.q = merged.q;
    if (merged.ward) query.ward = merged.ward;
    if (merged.page > 1) query.page = String(merged.page);
    setParams(query);
  };

  const columns: Column<ResidentSummary>[] = [
    {
      key: 'name',
      title: t('registry.fields.fullName'),
      render: (row) => (
        <Link to={`/registry/residents/${row.personId}`} data-testid="resident-link">
          {row.fullName}
        </Link>
      ),
    },
    { key: 'personId', title: t('registry.fields.personId'), render: (row) => <span className="mono">{row.personId}</span> },
    { key: 'birthDate', title: t('registry.fields.birthDate'), render: (row) => <span className="nowrap">{formatDate(row.birthDate)}</span> },
    { key: 'sex', title: t('registry.fields.sex'), render: (row) => t(`registry.sex.${row.sex}`, { defaultValue: row.sex }) },
    { key: 'ward', title: t('registry.fields.ward'), render: (row) => row.wardName ?? row.wardCode },
    { key: 'address', title: t('registry.fields.currentAddress'), render: (row) => row.currentAddress ?? '—' },
    { key: 'status', title: t('registry.fields.status'), render: (row) => t(`registry.status.${row.status}`, { defaultValue: row.status }) },
  ];

  const data = results.data;
  return (
    <>
      <PageTitle title={t('nav.registrySearch')}>{t('nav.registrySearch')}</PageTitle>
      <Form layout="vertical" onFinish={(values: { q?: string; ward?: string }) => search({ q: (values.q ?? '').trim(), ward: values.ward ?? '' })} initialValues={{ q, ward }} key={`${q}|${ward}`}>
        <Space wrap align="end" size={12} style={{ width: '100%' }}>
          <Form.Item name="q" label={t('registry.search.label')} extra={t('registry.search.hint')} style={{ marginBottom: 8, minWidth: 'min(420px, 100%)' }}>
            <Input.Search
              allowClear
              enterButton={t('registry.search.button')}
              placeholder={t('registry.search.placeholder')}
              autoComplete="off"
              data-testid="resident-search"
              onSearch={(value) => search({ q: value.trim() })}
            />
          </Form.Item>
          {wards.length > 1 && (
            <Form.Item name="ward" label={t('registry.search.ward')} style={{ marginBottom: 8, minWidth: 200 }}>
              <Select
                onChange={(value: string) => search({ ward: value ?? '' })}
                options={[{ value: '', label: t('registry.search.allMyWards') }, ...wards.map((code) => ({ value: code, label: wardNames[code] ?? code }))]}
              />
            </Form.Item>
          )}
        </Space>
      </Form>
      <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.68)' }}>{t('registry.search.audited')}</Typography.Paragraph>
      <ProblemAlert error={results.error} onRetry={results.reload} />
      {q.trim() !== '' && !results.error && (
        <section aria-live="polite" aria-busy={results.loading}>
          {data && (
            <Typography.Paragraph data-testid="result-count">
              {data.totalIsCapped ? t('registry.search.countCapped', { count: data.total }) : t('registry.search.count', { count: data.total })}
            </Typography.Paragraph>
          )}
          {data?.totalIsCapped && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('registry.search.narrow')} />}
          <ResponsiveTable
            rows={data?.items ?? []}
            columns={columns}
            rowKey={(row) => row.personId}
            loading={results.loading}
            emptyText={t('registry.search.none')}
            caption={t('registry.search.results')}
            testId="resident-results"
          />
          {data && data.total > PAGE_SIZE && (
            <Pagination
              style={{ marginTop: 16 }}
              current={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              showSizeChanger={false}
              simple={screens.md === false}
              showLessItems
              onChange={(next) => search({ page: next })}
            />
          )}
        </section>
      )}
    </>
  );
}
