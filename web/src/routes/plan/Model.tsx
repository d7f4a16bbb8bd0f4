/**
 * One model of the plan and its history: goal, lead and coordinating units, the deadline as the plan wrote it, the
 * figures that follow it, who led it from when, and every monthly report with every action taken on it.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { ActionHistory } from '../../features/plan/ActionHistory.tsx';
import { planApi, type LeadHistoryEntry } from '../../features/plan/api.ts';
import { formatMonth } from '../../features/plan/month.ts';
import { CardTitle, DataTable, ImplementationTag, LateTag, ReportStatusTag, useDescriptionLayout, useText } from '../../features/plan/ui.tsx';

export default function ModelScreen() {
  const { t } = useTranslation('plan');
  const text = useText();
  const navigate = useNavigate();
  const layout = useDescriptionLayout();
  const number = Number(useParams().number);
  const valid = Number.isInteger(number) && number >= 1 && number <= 43;
  const loaded = useLoad(valid ? (signal) => Promise.all([planApi.model(number, signal), planApi.modelHistory(number, signal)]) : undefined, [number]);
  const [model, history] = loaded.data ?? [undefined, undefined];
  const title = valid ? t('model.title', { number }) : t('model.invalid');

  return (
    <>
      <PageTitle
        title={title}
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/plan/models'))}>
            {t('common.back')}
          </Button>
        }
      >
        {title}
      </PageTitle>
      {!valid && <Alert type="error" showIcon title={t('model.invalid')} />}
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      {loaded.loading && <Loading />}
      {model && history && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={<CardTitle>{text(model.title)}</CardTitle>} data-testid="model-detail">
              <Descriptions
                column={1}
                size="small"
                layout={layout}
                items={[
                  { key: 'group', label: t('model.group'), children: `${model.group} (${model.section})` },
                  { key: 'goal', label: t('model.goal'), children: text(model.goal) },
                  { key: 'lead', label: t('model.lead'), children: <>{text(model.leadUnit.name)}{model.awaitingReassignment && <Tag color="warning" style={{ marginLeft: 8 }}>{t('model.awaitingReassignment')}</Tag>}</> },
                  { key: 'coordinating', label: t('model.coordinating'), children: model.coordinatingUnits.map((unit) => text(unit.shortName)).join(', ') || t('common.none') },
                  {
                    key: 'deadline',
                    label: t('model.deadline'),
                    children: (
                      <>
                        {model.deadline.date ? formatDate(model.deadline.date) : t(`model.deadlineKinds.${model.deadline.kind}`, { defaultValue: model.deadline.kind })}
                        {' · '}
                        <Typography.Text italic>{t('overview.asWritten', { text: model.deadline.corrected ?? model.deadline.text })}</Typography.Text>
                        {model.deadline.correctionNote && <Typography.Paragraph style={{ margin: 0, fontSize: 13 }}>{text(model.deadline.correctionNote)}</Typography.Paragraph>}
                      </>
                    ),
                  },
                  { key: 'force', label: t('model.force'), children: model.force || t('common.none') },
                  { key: 'tools', label: t('model.tools'), children: model.tools.map((tool) => <Tag key={tool.key} style={{ whiteSpace: 'normal' }}>{text(tool.label)}</Tag>) },
                  { key: 'pilot', label: t('model.pilot'), children: model.pilot2023 ? t('common.yes') : t('common.no') },
                  {
                    key: 'figures',
                    label: t('report.figures'),
                    children: (
                      <>
                        <Typography.Paragraph style={{ margin: 0 }}>{text(model.figures.note)}</Typography.Paragraph>
                        {model.figures.live.map((figure) => (
                          <Tag key={figure.key} color="success" style={{ marginTop: 4, whiteSpace: 'normal' }}>
                            {text(figure.label)} ({figure.unit})
                          </Tag>
                        ))}
                      </>
                    ),
                  },
                  ...(model.note ? [{ key: 'note', label: t('model.note'), children: text(model.note) }] : []),
                ]}
              />
            </Card>
            <Card title={<CardTitle>{t('model.reports')}</CardTitle>} style={{ marginTop: 16 }}>
              {history.reports.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('model.noReports')} />
              ) : (
                <Collapse
                  data-testid="model-reports"
                  items={history.reports.map(({ report, actions }) => ({
                    key: report.month,
                    label: (
                      <Space wrap size={6}>
                        <Typography.Text strong>{formatMonth(report.month)}</Typography.Text>
                        <ReportStatusTag status={report.status} />
                        <ImplementationTag status={report.implementationStatus} />
                        {report.progressPercent !== null && <span>{report.progressPercent} %</span>}
                        <LateTag late={report.late} />
                      </Space>
                    ),
                    children: (
                      <>
                        <Link to={`/plan/reports/${report.month}/${report.modelNumber}`}>{t('model.openReport', { month: formatMonth(report.month) })}</Link>
                        <div style={{ marginTop: 12 }}>
                          <ActionHistory actions={actions} unitNames={{ [report.unit.id]: text(report.unit.shortName) }} />
                        </div>
                      </>
                    ),
                  }))}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={<CardTitle>{t('model.leads')}</CardTitle>}>
              <DataTable<LeadHistoryEntry>
                caption={t('model.leads')}
                rows={history.leads}
                rowKey={(lead) => `${lead.unit.id}-${lead.validFrom}`}
                emptyText={t('common.empty')}
                columns={[
                  { key: 'unit', title: t('common.unit'), render: (lead) => text(lead.unit.name) },
                  { key: 'from', title: t('model.from'), render: (lead) => formatMonth(lead.validFrom) },
                  { key: 'basis', title: t('model.basis'), render: (lead) => lead.note || lead.basis },
                  { key: 'recorded', title: t('model.recorded'), render: (lead) => formatDateTime(lead.recordedAt), hideOnPhone: true },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
