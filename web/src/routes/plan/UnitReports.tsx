/**
 * The unit reporter's month: the models the unit answers for, each report's state, the deadline (before the 12th of
 * the next month, the plan's section V.3) and whether the month is already late; the unit's reminders beside it.
 */
import { Alert, Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, todayIso } from '../../format.ts';
import { myAccount, planApi, type ModelSummary } from '../../features/plan/api.ts';
import { addMonths, formatMonth, reportingMonth } from '../../features/plan/month.ts';
import { PlanNotifications } from '../../features/plan/Notifications.tsx';
import { DataTable, FieldLabel, ImplementationTag, LateTag, MonthField, ReportStatusTag, useText } from '../../features/plan/ui.tsx';

/** Late, on time, overdue (not submitted after the 11th of the next month) or nothing yet. */
function Timeliness({ model, pastDue }: { model: ModelSummary; pastDue: boolean }) {
  const { t } = useTranslation('plan');
  const status = model.status?.reportStatus ?? 'not_started';
  if (model.status?.late) return <LateTag late />;
  if (status === 'submitted' || status === 'accepted' || (status === 'returned' && model.status)) return <span>{t('common.onTime')}</span>;
  return pastDue ? <Tag color="error">{t('report.overdue')}</Tag> : <span>{t('common.none')}</span>;
}

export default function UnitReports() {
  const { t } = useTranslation('plan');
  const text = useText();
  const [month, setMonth] = useState(reportingMonth());
  const account = useLoad((signal) => Promise.all([myAccount(signal), planApi.units(signal)]), []);
  const models = useLoad((signal) => planApi.models(month, signal), [month]);

  const unitId = account.data?.[0].unitId;
  const unit = account.data?.[1].find((candidate) => candidate.id === unitId);
  const mine = (models.data ?? []).filter((model) => model.statusVisible);
  const lastDay = `${addMonths(month, 1)}-11`;
  const pastDue = todayIso() > lastDay;
  const open = mine.filter((model) => !model.status || model.status.reportStatus === 'draft' || model.status.reportStatus === 'returned' || model.status.reportStatus === 'not_started');
  const title = t('unitReports.title');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <ProblemAlert error={account.error ?? models.error} onRetry={() => { account.reload(); models.reload(); }} />
      {account.data && !unitId && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('unitReports.noUnit')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card>
            <Space wrap align="end" size={24} style={{ marginBottom: 16 }}>
              <div>
                <FieldLabel htmlFor="unit-month">{t('common.month')}</FieldLabel>
                <MonthField id="unit-month" value={month} onChange={setMonth} />
              </div>
              <div>
                <Typography.Text style={{ display: 'block', color: 'rgba(0,0,0,0.68)' }}>{t('unitReports.unit')}</Typography.Text>
                <Typography.Text strong data-testid="unit-name">
                  {unit ? text(unit.name) : (unitId ?? '—')}
                </Typography.Text>
              </div>
            </Space>
            <Alert
              type={pastDue && open.length > 0 ? 'error' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="unit-deadline"
              title={t('unitReports.deadline', { month: formatMonth(month), day: formatDate(lastDay) })}
              description={
                pastDue
                  ? open.length > 0
                    ? t('unitReports.pastDueOpen', { count: open.length })
                    : t('unitReports.pastDueDone')
                  : t('unitReports.openCount', { count: open.length, total: mine.length })
              }
            />
            <DataTable<ModelSummary>
              testId="unit-models"
              caption={t('unitReports.caption', { month: formatMonth(month) })}
              loading={models.loading}
              rows={mine}
              rowKey={(model) => String(model.number)}
              emptyText={t('unitReports.empty')}
              columns={[
                {
                  key: 'model',
                  title: t('common.model'),
                  render: (model) => (
                    <span>
                      <Typography.Text strong>{t('common.modelNumber', { number: model.number })}</Typography.Text> {text(model.title)}
                    </span>
                  ),
                },
                { key: 'status', title: t('common.reportStatus'), render: (model) => <ReportStatusTag status={model.status?.reportStatus ?? 'not_started'} /> },
                { key: 'implementation', title: t('common.implementation'), render: (model) => <ImplementationTag status={model.status?.implementationStatus ?? null} /> },
                {
                  key: 'progress',
                  title: t('common.progress'),
                  render: (model) =>
                    model.status?.progressPercent !== null && model.status?.progressPercent !== undefined ? (
                      <Progress percent={model.status.progressPercent} size="small" style={{ minWidth: 100, margin: 0 }} aria-label={t('common.progressOf', { percent: model.status.progressPercent })} />
                    ) : (
                      t('common.none')
                    ),
                },
                { key: 'late', title: t('common.lateness'), render: (model) => <Timeliness model={model} pastDue={pastDue} /> },
                {
                  key: 'open',
                  title: t('common.actions'),
                  render: (model) => (
                    <Link to={`/plan/reports/${month}/${model.number}`} data-testid={`open-report-${model.number}`} style={{ fontWeight: 600 }}>
                      {model.status?.reportStatus === 'returned'
                        ? t('unitReports.correctReport')
                        : model.status && model.status.reportStatus !== 'not_started'
                          ? t('unitReports.openReport')
                          : t('unitReports.startReport')}
                    </Link>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <PlanNotifications compact />
        </Col>
      </Row>
    </>
  );
}
