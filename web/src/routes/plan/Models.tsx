/**
 * The plan's 43 models in one list: group, lead unit, the deadline as written, the latest reported status (for the
 * units a reporter may see), and each model's page with its history.
 */
import { Card, Input, Progress, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate } from '../../format.ts';
import { planApi, type ModelSummary } from '../../features/plan/api.ts';
import { formatMonth } from '../../features/plan/month.ts';
import { DataTable, FieldLabel, ImplementationTag, ReportStatusTag, useText } from '../../features/plan/ui.tsx';

/** Diacritic-insensitive matching ("mo hinh luu tru" finds "mô hình lưu trú"), as the platform's searches do. */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export default function Models() {
  const { t } = useTranslation('plan');
  const text = useText();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<number | undefined>();
  const loaded = useLoad((signal) => Promise.all([planApi.models(undefined, signal), planApi.units(signal)]), []);
  const [models] = loaded.data ?? [[]];
  const groups = [...new Set(models.map((model) => model.group))].sort((a, b) => a - b);
  const wanted = fold(query.trim());
  const rows = models.filter(
    (model) =>
      (group === undefined || model.group === group) &&
      (wanted === '' || fold(`${model.number} ${model.title.vi} ${model.title.en} ${model.leadUnit.name.vi} ${model.leadUnit.shortName.vi}`).includes(wanted)),
  );
  const title = t('models.title');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      <Card>
        <Space wrap align="end" size={16} style={{ marginBottom: 16 }}>
          <div>
            <FieldLabel htmlFor="models-query">{t('models.search')}</FieldLabel>
            <Input id="models-query" allowClear value={query} onChange={(event) => setQuery(event.target.value)} style={{ width: 280, maxWidth: '100%' }} />
          </div>
          <div>
            <FieldLabel htmlFor="models-group">{t('model.group')}</FieldLabel>
            <Select<number>
              id="models-group"
              allowClear
              value={group}
              onChange={setGroup}
              placeholder={t('models.allGroups')}
              style={{ width: 200 }}
              options={groups.map((number) => ({ value: number, label: t('overview.groupShort', { number }) }))}
            />
          </div>
        </Space>
        <DataTable<ModelSummary>
          testId="models"
          caption={title}
          loading={loaded.loading}
          rows={rows}
          rowKey={(model) => String(model.number)}
          emptyText={t('common.empty')}
          columns={[
            {
              key: 'model',
              title: t('common.model'),
              render: (model) => (
                <Link to={`/plan/models/${model.number}`}>
                  {t('common.modelNumber', { number: model.number })} {text(model.title)}
                </Link>
              ),
            },
            { key: 'group', title: t('model.group'), render: (model) => model.group, width: 70 },
            {
              key: 'lead',
              title: t('model.lead'),
              render: (model) => (
                <>
                  {text(model.leadUnit.shortName)}
                  {model.awaitingReassignment && <Tag color="warning" style={{ marginLeft: 6 }}>{t('model.awaitingReassignment')}</Tag>}
                </>
              ),
            },
            { key: 'deadline', title: t('model.deadline'), render: (model) => (model.deadline.date ? formatDate(model.deadline.date) : model.deadline.corrected ?? model.deadline.text) },
            {
              key: 'status',
              title: t('models.latest'),
              render: (model) =>
                model.status ? (
                  <Space wrap size={4}>
                    <Typography.Text>{formatMonth(model.status.month)}</Typography.Text>
                    <ReportStatusTag status={model.status.reportStatus} />
                    <ImplementationTag status={model.status.implementationStatus} />
                    {model.status.progressPercent !== null && (
                      <Progress percent={model.status.progressPercent} size="small" style={{ width: 90, margin: 0 }} aria-label={t('common.progressOf', { percent: model.status.progressPercent })} />
                    )}
                  </Space>
                ) : (
                  t(model.statusVisible ? 'models.noReport' : 'models.notVisible')
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
