/**
 * Leaders' overview of the plan for a month: the reporting picture, the implementation status of the 43 models by
 * group and by unit (charts, with their numbers in tables below), and the timeline of the models' deadlines as the
 * plan wrote them. Any model opens its history.
 */
import { Alert, Card, Col, Empty, Radio, Row, Space, Statistic, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { planApi, type Overview, type StatusCounts } from '../../features/plan/api.ts';
import { Chart } from '../../features/plan/Chart.tsx';
import { formatMonth, MONTH, reportingMonth } from '../../features/plan/month.ts';
import { CardTitle, Clamp, FieldLabel, MonthField, ScrollRegion, TimelineStateTag, useText } from '../../features/plan/ui.tsx';

const STATUS_KEYS = ['completed', 'in_progress', 'blocked', 'not_started', 'not_reported'] as const satisfies ReadonlyArray<keyof StatusCounts>;
/** Status colours in the charts: green done, blue in progress, vermilion blocked, grey not started, light grey unknown. */
const STATUS_COLOURS = ['#009E73', '#0072B2', '#D55E00', '#7a7a7a', '#c8c8c8'];
const TIMELINE_DOT: Record<string, string> = { done: 'green', overdue: 'red', due_soon: 'orange', upcoming: 'blue' };

type TimelineFilter = 'dated' | 'attention' | 'other';

export default function OverviewScreen() {
  const { t } = useTranslation('plan');
  const text = useText();
  const [search, setSearch] = useSearchParams();
  const month = MONTH.test(search.get('month') ?? '') ? search.get('month')! : reportingMonth();
  const [timelineFilter, setTimelineFilter] = useState<TimelineFilter>('dated');
  const loaded = useLoad((signal) => planApi.overview(month, signal), [month]);
  const data = loaded.data;
  const title = t('overview.title');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap align="end" size={24}>
          <div>
            <FieldLabel htmlFor="overview-month">{t('common.month')}</FieldLabel>
            <MonthField id="overview-month" value={month} onChange={(next) => setSearch({ month: next }, { replace: true })} />
          </div>
          {data && (
            <Typography.Text style={{ color: 'rgba(0,0,0,0.68)' }}>
              {t('overview.generatedAt', { at: formatDateTime(data.generatedAt) })}
            </Typography.Text>
          )}
        </Space>
        {data && (
          <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="overview-reporting">
            <Col xs={12} md={6}>
              <Statistic title={t('overview.expected')} value={data.reporting.expected} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('overview.submitted')} value={data.reporting.submitted} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('overview.late')} value={data.reporting.late} styles={{ content: data.reporting.late > 0 ? { color: '#b3261e' } : {} }} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('overview.missing')} value={data.reporting.missing} styles={{ content: data.reporting.missing > 0 && data.reporting.pastDue ? { color: '#b3261e' } : {} }} />
            </Col>
          </Row>
        )}
        {data && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            {t('overview.reportingNote', { month: formatMonth(data.reporting.month), day: formatDate(data.reporting.dueAt) })}
          </Typography.Paragraph>
        )}
      </Card>
      {data && (
        <>
          <Card title={<CardTitle>{t('overview.byGroup')}</CardTitle>}>
            <Row gutter={[16, 16]} align="middle">
              <Col xs={24} xl={10}>
                <GroupChart data={data} />
              </Col>
              <Col xs={24} xl={14}>
                <CountsTable
                  caption={t('overview.byGroup')}
                  rows={data.byGroup.map((group) => ({ key: `g${group.number}`, name: `${group.number}. ${text(group.title)}`, counts: group.counts, extra: group.averageProgress === null ? '—' : `${Math.round(group.averageProgress)} %` }))}
                  extraTitle={t('overview.averageProgress')}
                />
              </Col>
            </Row>
          </Card>
          <Card title={<CardTitle>{t('overview.byUnit')}</CardTitle>} style={{ marginTop: 16 }}>
            <Row gutter={[16, 16]} align="middle">
              <Col xs={24} xl={10}>
                <UnitChart data={data} />
              </Col>
              <Col xs={24} xl={14}>
                <CountsTable
                  caption={t('overview.byUnit')}
                  rows={data.byUnit.map((row) => ({ key: row.unit.id, name: text(row.unit.shortName), counts: row.counts, extra: `${row.submitted}/${row.models.length}${row.late ? ` · ${t('overview.lateCount', { count: row.late })}` : ''}` }))}
                  extraTitle={t('overview.reportsThisMonth')}
                />
              </Col>
            </Row>
          </Card>
          <Card title={<CardTitle>{t('overview.timeline')}</CardTitle>} style={{ marginTop: 16 }}>
            <Radio.Group
              optionType="button"
              value={timelineFilter}
              onChange={(event) => setTimelineFilter(event.target.value as TimelineFilter)}
              aria-label={t('overview.timelineFilter')}
              style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginBottom: 16 }}
              options={(['dated', 'attention', 'other'] as const).map((value) => ({ value, label: t(`overview.timelineFilters.${value}`) }))}
            />
            <DeadlineTimeline data={data} filter={timelineFilter} />
          </Card>
        </>
      )}
    </>
  );
}

function GroupChart({ data }: { data: Overview }) {
  const { t } = useTranslation('plan');
  const groups = data.byGroup.map((group) => t('overview.groupShort', { number: group.number }));
  return (
    <Chart
      testId="chart-groups"
      summary={t('overview.groupChartSummary', {
        parts: data.byGroup.map((group) => t('overview.groupSummaryPart', { number: group.number, completed: group.counts.completed, models: group.models })).join('; '),
      })}
      height={280}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: groups, inverse: true },
        series: STATUS_KEYS.map((key, index) => ({
          name: t(`overview.status.${key}`),
          type: 'bar',
          stack: 'total',
          color: STATUS_COLOURS[index],
          data: data.byGroup.map((group) => group.counts[key]),
        })),
      }}
    />
  );
}

function UnitChart({ data }: { data: Overview }) {
  const { t } = useTranslation('plan');
  const text = useText();
  const units = data.byUnit.map((row) => text(row.unit.shortName));
  return (
    <Chart
      testId="chart-units"
      summary={t('overview.unitChartSummary', { count: data.byUnit.length })}
      height={Math.max(280, 28 * data.byUnit.length + 80)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: units, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
        series: STATUS_KEYS.map((key, index) => ({
          name: t(`overview.status.${key}`),
          type: 'bar',
          stack: 'total',
          color: STATUS_COLOURS[index],
          data: data.byUnit.map((row) => row.counts[key]),
        })),
      }}
    />
  );
}

function CountsTable({ caption, rows, extraTitle }: { caption: string; rows: Array<{ key: string; name: string; counts: StatusCounts; extra: string }>; extraTitle: string }) {
  const { t } = useTranslation('plan');
  return (
    <div style={{ marginTop: 12 }}>
      <ScrollRegion label={caption}>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        title={() => <span className="sr-only">{caption}</span>}
        columns={[
          { key: 'name', title: caption, dataIndex: 'name', render: (name: string) => <Clamp>{name}</Clamp> },
          ...STATUS_KEYS.map((key) => ({ key, title: t(`overview.statusShort.${key}`), render: (_: unknown, row: { counts: StatusCounts }) => row.counts[key], align: 'right' as const })),
          { key: 'extra', title: extraTitle, dataIndex: 'extra' },
        ]}
      />
      </ScrollRegion>
    </div>
  );
}

function DeadlineTimeline({ data, filter }: { data: Overview; filter: TimelineFilter }) {
  const { t } = useTranslation('plan');
  const text = useText();
  const dated = data.timeline.filter((item) => item.deadline.date !== null).sort((a, b) => (a.deadline.date! < b.deadline.date! ? -1 : a.deadline.date! > b.deadline.date! ? 1 : a.modelNumber - b.modelNumber));
  const items =
    filter === 'dated' ? dated : filter === 'attention' ? dated.filter((item) => item.state === 'overdue' || item.state === 'due_soon') : data.timeline.filter((item) => item.deadline.date === null);
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.timelineEmpty')} />;
  return (
    <>
      {filter === 'other' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('overview.otherNote')} />}
      <Timeline
        data-testid="deadline-timeline"
        items={items.map((item) => ({
          key: item.modelNumber,
          color: TIMELINE_DOT[item.state] ?? 'gray',
          content: (
            <div>
              <Space wrap size={6}>
                <Typography.Text strong>{item.deadline.date ? formatDate(item.deadline.date) : item.deadline.corrected ?? item.deadline.text}</Typography.Text>
                <TimelineStateTag state={item.state} />
                {item.daysLeft !== null && item.state !== 'done' && (
                  <Typography.Text style={{ color: 'rgba(0,0,0,0.68)' }}>
                    {item.daysLeft >= 0 ? t('overview.daysLeft', { count: item.daysLeft }) : t('overview.daysOver', { count: -item.daysLeft })}
                  </Typography.Text>
                )}
              </Space>
              <div>
                <Link to={`/plan/models/${item.modelNumber}`}>
                  {t('common.modelNumber', { number: item.modelNumber })} {text(item.title)}
                </Link>
              </div>
              <Typography.Text style={{ fontSize: 13, color: 'rgba(0,0,0,0.68)' }}>
                {text(item.unit.shortName)}
                {item.deadline.date && item.deadline.text && ` · ${t('overview.asWritten', { text: item.deadline.text })}`}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </>
  );
}
