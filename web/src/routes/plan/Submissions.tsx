/**
 * The standing agency's month: which units have reported, which are late, which are missing (the plan's section V.3:
 * reports reach the standing agency before the 12th), each model's report to open and review, and the reminders
 * run on demand (they also run every hour; a run never creates the same reminder twice).
 */
import { FileDoneOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { hasAnyRole } from '../../features/identity/roles.ts';
import { useSession } from '../../features/identity/session.tsx';
import { planApi, type Submissions } from '../../features/plan/api.ts';
import { formatMonth, MONTH, reportingMonth } from '../../features/plan/month.ts';
import { PlanNotifications } from '../../features/plan/Notifications.tsx';
import { CardTitle, Clamp, DataTable, FieldLabel, LateTag, MonthField, ReportStatusTag, useText } from '../../features/plan/ui.tsx';

type UnitRow = Submissions['units'][number];
type ModelRow = Submissions['models'][number];
type Filter = 'all' | 'submitted' | 'missing' | 'late';

export default function SubmissionsScreen() {
  const { t } = useTranslation('plan');
  const text = useText();
  const { message } = App.useApp();
  const { session } = useSession();
  const secretary = hasAnyRole(session?.roles, ['working_group_secretary']);
  const [search, setSearch] = useSearchParams();
  const month = MONTH.test(search.get('month') ?? '') ? search.get('month')! : reportingMonth();
  const setMonth = (next: string) => setSearch({ month: next }, { replace: true });
  const [filter, setFilter] = useState<Filter>('all');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const loaded = useLoad((signal) => Promise.all([planApi.submissions(month, signal), planApi.models(month, signal)]), [month]);
  const [data, models] = loaded.data ?? [undefined, []];
  const titles = new Map(models.map((model) => [model.number, model.title]));
  const units = new Map((data?.units ?? []).map((row) => [row.unit.id, row.unit]));

  const runReminders = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const result = await planApi.runReminders();
      void message.success(t('submissions.remindersDone', { count: result.notificationsCreated, emails: result.emailsSent }));
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };

  const submitted = (row: ModelRow) => row.status === 'submitted' || row.status === 'accepted' || (row.status === 'returned' && row.submittedAt !== null);
  const modelRows = (data?.models ?? []).filter((row) =>
    filter === 'all' ? true : filter === 'submitted' ? row.status === 'submitted' || row.status === 'accepted' : filter === 'late' ? row.late : !submitted(row),
  );
  const title = t('submissions.title');

  return (
    <>
      <PageTitle
        title={title}
        extra={
          secretary && (
            <Space wrap>
              <Button icon={<NotificationOutlined aria-hidden />} loading={running} onClick={() => void runReminders()} data-testid="run-reminders">
                {t('submissions.runReminders')}
              </Button>
              <Link to={`/plan/consolidations?month=${month}`} data-testid="to-consolidations">
                <FileDoneOutlined aria-hidden /> {t('submissions.toConsolidation')}
              </Link>
            </Space>
          )
        }
      >
        {title}
      </PageTitle>
      <ProblemAlert error={loaded.error ?? error} onRetry={loaded.reload} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap align="end" size={24}>
          <div>
            <FieldLabel htmlFor="submissions-month">{t('common.month')}</FieldLabel>
            <MonthField id="submissions-month" value={month} onChange={setMonth} />
          </div>
          {data && (
            <Typography.Text data-testid="submissions-due">
              {t('submissions.due', { month: formatMonth(month), day: formatDate(data.lastOnTimeDay) })}{' '}
              {data.pastDue ? <Tag color="error">{t('submissions.pastDue')}</Tag> : <Tag color="processing">{t('submissions.open')}</Tag>}
            </Typography.Text>
          )}
        </Space>
        {data && (
          <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="submission-totals">
            {(['expected', 'submitted', 'onTime', 'late', 'missing', 'returned', 'accepted'] as const).map((key) => (
              <Col key={key} xs={12} sm={8} md={6} lg={3}>
                <Statistic title={t(`submissions.totals.${key}`)} value={data.totals[key]} styles={{ content: { color: key === 'late' || key === 'missing' ? (data.totals[key] > 0 ? '#b3261e' : undefined) : undefined } }} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      {data?.pastDue && data.totals.missing > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('submissions.missingAlert', { count: data.totals.missing })} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card title={<CardTitle>{t('submissions.byUnit')}</CardTitle>} style={{ marginBottom: 16 }}>
            <DataTable<UnitRow>
              testId="submissions-units"
              caption={t('submissions.byUnit')}
              loading={loaded.loading}
              rows={data?.units ?? []}
              rowKey={(row) => row.unit.id}
              emptyText={t('common.empty')}
              columns={[
                { key: 'unit', title: t('common.unit'), render: (row) => text(row.unit.name) },
                { key: 'submitted', title: t('submissions.submittedOf'), render: (row) => `${row.submitted}/${row.expected}` },
                {
                  key: 'state',
                  title: t('submissions.state'),
                  render: (row) => (
                    <Space wrap size={4} data-testid={`unit-state-${row.unit.id}`}>
                      {row.reported ? <Tag color="success">{t('submissions.reported')}</Tag> : <Tag color={data?.pastDue ? 'error' : 'warning'}>{t('submissions.notReported')}</Tag>}
                      {row.isLate && <LateTag late />}
                    </Space>
                  ),
                },
                {
                  key: 'missing',
                  title: t('submissions.missingModels'),
                  render: (row) =>
                    row.missingModels.length === 0
                      ? t('common.none')
                      : row.missingModels.map((number, index) => (
                          <span key={number}>
                            {index > 0 && ', '}
                            <Link to={`/plan/reports/${month}/${number}`}>{number}</Link>
                          </span>
                        )),
                },
              ]}
            />
          </Card>
          <Card
            title={<CardTitle>{t('submissions.byModel')}</CardTitle>}
            extra={
              <Segmented<Filter>
                value={filter}
                onChange={setFilter}
                aria-label={t('submissions.filter')}
                options={(['all', 'submitted', 'late', 'missing'] as const).map((value) => ({ value, label: t(`submissions.filters.${value}`) }))}
              />
            }
          >
            <DataTable<ModelRow>
              testId="submissions-models"
              caption={t('submissions.byModel')}
              loading={loaded.loading}
              rows={modelRows}
              rowKey={(row) => String(row.number)}
              emptyText={t('common.empty')}
              columns={[
                {
                  key: 'model',
                  title: t('common.model'),
                  render: (row) => (
                    <Link to={`/plan/reports/${month}/${row.number}`} data-testid={`submission-model-${row.number}`} title={text(titles.get(row.number))}>
                      <strong>{t('common.modelNumber', { number: row.number })}</strong>{' '}
                      <Clamp>{text(titles.get(row.number))}</Clamp>
                    </Link>
                  ),
                },
                { key: 'unit', title: t('common.unit'), render: (row) => text(units.get(row.unitId)?.shortName) || row.unitId },
                { key: 'status', title: t('common.reportStatus'), render: (row) => <ReportStatusTag status={row.status} /> },
                { key: 'submittedAt', title: t('submissions.submittedAt'), render: (row) => (row.submittedAt ? formatDateTime(row.submittedAt) : t('common.none')) },
                { key: 'late', title: t('common.lateness'), render: (row) => (row.late ? <LateTag late /> : row.submittedAt ? t('common.onTime') : t('common.none')) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>{secretary && <PlanNotifications compact pageSize={5} />}</Col>
      </Row>
    </>
  );
}
