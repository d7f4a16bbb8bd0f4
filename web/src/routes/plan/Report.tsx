/**
 * One model's monthly report. The lead unit's reporter fills it in (status, progress, results, figures — live ones
 * prefilled and marked —, difficulties, proposals), saves drafts and submits; submission locks it until the standing
 * agency returns it with a comment (the comment stays in view while the unit corrects it) or accepts it. Everyone
 * who reads the plan sees the deadline, the lateness and the history of every action.
 *
 * Rules mirrored from the server (plan report-content.ts) so that the form says what is missing before sending; the
 * server checks again and its problem document is shown as it comes:
 * - to submit: implementation status and progress; results unless not started; "hoàn thành" = 100 %; "vướng mắc"
 *   needs the difficulty.
 * - one idempotency key per attempted action and content: a retry after a lost answer records the action once.
 */
import { ArrowLeftOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Popconfirm, Radio, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { newRequestId } from '../../api.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { IMPLEMENTATION_STATUSES, planApi, type ImplementationStatus, type Report, type ReportActionEntry, type ReportContentInput, type ReportFigure } from '../../features/plan/api.ts';
import { formatMonth, MONTH } from '../../features/plan/month.ts';
import { ActionHistory } from '../../features/plan/ActionHistory.tsx';
import { CardTitle, ImplementationTag, LateTag, ReportStatusTag, useDescriptionLayout, useText } from '../../features/plan/ui.tsx';

interface ContentForm {
  implementationStatus?: ImplementationStatus;
  progressPercent?: number | null;
  results?: string;
  difficulties?: string;
  proposals?: string;
}

interface NewFigure {
  key: string;
  label: string;
  unit: string;
  value: number | null;
}

/** Keeps one request id per (action, content) until it succeeds: a retry of the same thing is the same request. */
function useRequestKeys() {
  const last = useRef<{ action: string; payload: string; id: string } | undefined>(undefined);
  return {
    keyFor(action: string, payload: unknown): string {
      const text = JSON.stringify(payload);
      if (last.current && last.current.action === action && last.current.payload === text) return last.current.id;
      last.current = { action, payload: text, id: newRequestId() };
      return last.current.id;
    },
    done() {
      last.current = undefined;
    },
  };
}

export default function ReportScreen() {
  const { t } = useTranslation('plan');
  const params = useParams();
  const navigate = useNavigate();
  const month = params.month ?? '';
  const number = Number(params.number);
  const valid = MONTH.test(month) && Number.isInteger(number) && number >= 1 && number <= 43;
  const loaded = useLoad(
    valid ? (signal) => Promise.all([planApi.report(month, number, signal), planApi.reportHistory(month, number, signal)]) : undefined,
    [month, number],
  );
  const [report, setReport] = useState<Report>();
  const [actions, setActions] = useState<ReportActionEntry[]>([]);
  useEffect(() => {
    if (loaded.data) {
      setReport(loaded.data[0]);
      setActions(loaded.data[1].actions);
    }
  }, [loaded.data]);

  const title = valid ? t('report.title', { number, month: formatMonth(month) }) : t('report.invalid');
  return (
    <>
      <PageTitle
        title={title}
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}>
            {t('common.back')}
          </Button>
        }
      >
        {title}
      </PageTitle>
      {!valid && <Alert type="error" showIcon title={t('report.invalid')} />}
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      {loaded.loading && !report && <Loading />}
      {report && (
        <ReportBody
          report={report}
          actions={actions}
          onChanged={(next) => {
            setReport(next);
            void planApi.reportHistory(month, number).then((history) => setActions(history.actions), () => undefined);
          }}
        />
      )}
    </>
  );
}

function ReportBody({ report, actions, onChanged }: { report: Report; actions: ReportActionEntry[]; onChanged: (report: Report) => void }) {
  const { t } = useTranslation('plan');
  const text = useText();
  const { message } = App.useApp();
  const layout = useDescriptionLayout();
  const [form] = Form.useForm<ContentForm>();
  const editable = report.availableActions.includes('save_draft') || report.availableActions.includes('submit');
  const canReview = report.availableActions.includes('return') || report.availableActions.includes('accept');
  const [figures, setFigures] = useState<ReportFigure[]>(report.figures);
  const [values, setValues] = useState<Record<string, number | null>>(() => Object.fromEntries(report.figures.map((figure) => [figure.key, figure.value])));
  const [added, setAdded] = useState<NewFigure[]>([]);
  const [busy, setBusy] = useState<'save_draft' | 'submit' | undefined>();
  const [error, setError] = useState<unknown>();
  const [reviewing, setReviewing] = useState<'return' | 'accept' | undefined>();
  const keys = useRequestKeys();
  const live = useLoad(editable ? (signal) => planApi.model(report.modelNumber, signal) : undefined, [report.modelNumber, editable]);
  const status = Form.useWatch('implementationStatus', form);

  // A newer version of the report (after saving, or a colleague's change) replaces what the form shows.
  useEffect(() => {
    form.setFieldsValue({
      implementationStatus: report.implementationStatus ?? undefined,
      progressPercent: report.progressPercent,
      results: report.results,
      difficulties: report.difficulties,
      proposals: report.proposals,
    });
    setFigures(report.figures);
    setValues(Object.fromEntries(report.figures.map((figure) => [figure.key, figure.value])));
    setAdded([]);
  }, [report, form]);

  const content = (): Omit<ReportContentInput, 'requestId'> => {
    const fields = form.getFieldsValue();
    return {
      ...(fields.implementationStatus ? { implementationStatus: fields.implementationStatus } : {}),
      ...(fields.progressPercent !== null && fields.progressPercent !== undefined ? { progressPercent: fields.progressPercent } : {}),
      results: fields.results ?? '',
      difficulties: fields.difficulties ?? '',
      proposals: fields.proposals ?? '',
      figures: [
        ...figures.map((figure) => ({ key: figure.key, value: values[figure.key] ?? null })),
        ...added.filter((figure) => figure.label.trim() !== '').map((figure) => ({ key: figure.key, value: figure.value, label: figure.label.trim(), unit: figure.unit.trim() })),
      ],
    };
  };

  /** The server's submission rules, said beside the fields before anything is sent. */
  const checkForSubmission = (): boolean => {
    const fields = form.getFieldsValue();
    const problems: Array<{ name: keyof ContentForm; errors: string[] }> = [];
    if (!fields.implementationStatus) problems.push({ name: 'implementationStatus', errors: [t('report.rules.status')] });
    if (fields.progressPercent === null || fields.progressPercent === undefined) problems.push({ name: 'progressPercent', errors: [t('report.rules.progress')] });
    else if (fields.implementationStatus === 'completed' && fields.progressPercent !== 100) problems.push({ name: 'progressPercent', errors: [t('report.rules.completed')] });
    if (fields.implementationStatus && fields.implementationStatus !== 'not_started' && !(fields.results ?? '').trim()) problems.push({ name: 'results', errors: [t('report.rules.results')] });
    if (fields.implementationStatus === 'blocked' && !(fields.difficulties ?? '').trim()) problems.push({ name: 'difficulties', errors: [t('report.rules.difficulties')] });
    form.setFields(problems);
    return problems.length === 0;
  };

  const run = async (action: 'save_draft' | 'submit') => {
    setError(undefined);
    form.setFields((['implementationStatus', 'progressPercent', 'results', 'difficulties'] as const).map((name) => ({ name, errors: [] })));
    if (action === 'submit' && !checkForSubmission()) return;
    const body = content();
    const requestId = keys.keyFor(action, body);
    setBusy(action);
    try {
      const next = action === 'submit' ? await planApi.submit(report.month, report.modelNumber, { requestId, ...body }) : await planApi.saveDraft(report.month, report.modelNumber, { requestId, ...body });
      keys.done();
      void message.success(action === 'submit' ? t('report.submitted') : t('report.saved'));
      onChanged(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  const liveNow = new Map((live.data?.figures.live ?? []).map((figure) => [figure.key, figure]));
  const overdue = !report.firstSubmittedAt && Date.now() > new Date(report.dueAt).getTime();

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        {report.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            role="status"
            style={{ marginBottom: 16 }}
            data-testid="return-comment"
            title={t('report.returnedTitle')}
            description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{report.returnComment}</Typography.Paragraph>}
          />
        )}
        <Card title={<CardTitle>{text(report.modelTitle)}</CardTitle>}>
          <ProblemAlert error={error} />
          {editable ? (
            <Form<ContentForm> form={form} layout="vertical" data-testid="report-form" requiredMark={false}>
              <Form.Item name="implementationStatus" label={t('common.implementation')}>
                <Radio.Group
                  optionType="button"
                  options={IMPLEMENTATION_STATUSES.map((value) => ({ value, label: t(`implementation.${value}`) }))}
                  style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
                  data-testid="implementation-status"
                  aria-label={t('common.implementation')}
                />
              </Form.Item>
              <Form.Item name="progressPercent" label={t('report.progressLabel')} extra={status === 'completed' ? t('report.rules.completed') : undefined}>
                <InputNumber min={0} max={100} step={5} suffix="%" style={{ width: 140 }} data-testid="progress" />
              </Form.Item>
              <Form.Item name="results" label={t('report.results')} extra={t('report.resultsHint')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} data-testid="results" />
              </Form.Item>
              <section aria-labelledby="figures-heading" style={{ marginBottom: 24 }}>
                <Typography.Title level={3} id="figures-heading" style={{ fontSize: 16 }}>
                  {t('report.figures')}
                </Typography.Title>
                {live.data && <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.68)' }}>{text(live.data.figures.note)}</Typography.Paragraph>}
                {figures.length === 0 && added.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noFigures')} />}
                <div style={{ display: 'grid', gap: 12 }}>
                  {figures.map((figure) => {
                    const current = values[figure.key] ?? null;
                    const provider = liveNow.get(figure.key);
                    const isLive = figure.source === 'live' && current === figure.value;
                    const id = `figure-${figure.key.replace(/[^a-z0-9]/gi, '-')}`;
                    return (
                      <div key={figure.key} style={{ border: '1px solid #d9dde3', borderRadius: 6, padding: 12 }} data-testid="figure" data-source={isLive ? 'live' : 'manual'}>
                        <label htmlFor={id} style={{ display: 'block', fontWeight: 600, marginBottom: 6 }}>
                          {text(figure.label)} ({figure.unit})
                        </label>
                        <Space wrap>
                          <InputNumber id={id} value={current} onChange={(value) => setValues({ ...values, [figure.key]: value ?? null })} style={{ width: 180 }} />
                          {isLive ? (
                            <Tag color="success" data-testid="figure-live">
                              {t('report.liveFigure')}
                            </Tag>
                          ) : (
                            <Tag color="default" data-testid="figure-manual">{t('report.manualFigure')}</Tag>
                          )}
                          {provider && figure.source === 'live' && !isLive && figure.value !== null && (
                            <Button size="small" onClick={() => setValues({ ...values, [figure.key]: figure.value })}>
                              {t('report.useLive', { value: figure.value.toLocaleString() })}
                            </Button>
                          )}
                        </Space>
                      </div>
                    );
                  })}
                  {added.map((figure, index) => (
                    <fieldset key={figure.key} style={{ border: '1px solid #d9dde3', borderRadius: 6, padding: 12, margin: 0 }}>
                      <legend style={{ fontSize: 14, fontWeight: 600, padding: '0 4px', width: 'auto', border: 0, marginBottom: 0 }}>{t('report.newFigure', { index: index + 1 })}</legend>
                      <Space wrap align="end">
                        <div>
                          <label htmlFor={`${figure.key}-label`}>{t('report.figureLabel')}</label>
                          <Input id={`${figure.key}-label`} value={figure.label} maxLength={200} onChange={(event) => setAdded(added.map((item) => (item.key === figure.key ? { ...item, label: event.target.value } : item)))} />
                        </div>
                        <div>
                          <label htmlFor={`${figure.key}-unit`}>{t('report.figureUnit')}</label>
                          <Input id={`${figure.key}-unit`} value={figure.unit} maxLength={40} style={{ width: 120 }} onChange={(event) => setAdded(added.map((item) => (item.key === figure.key ? { ...item, unit: event.target.value } : item)))} />
                        </div>
                        <div>
                          <label htmlFor={`${figure.key}-value`}>{t('report.figureValue')}</label>
                          <InputNumber id={`${figure.key}-value`} value={figure.value} style={{ width: 140, display: 'block' }} onChange={(value) => setAdded(added.map((item) => (item.key === figure.key ? { ...item, value: value ?? null } : item)))} />
                        </div>
                        <Button onClick={() => setAdded(added.filter((item) => item.key !== figure.key))}>{t('common.remove')}</Button>
                      </Space>
                    </fieldset>
                  ))}
                </div>
                <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => setAdded([...added, { key: `unit.figure_${Date.now().toString(36)}`, label: '', unit: '', value: null }])}>
                  {t('report.addFigure')}
                </Button>
              </section>
              <Form.Item name="difficulties" label={t('report.difficulties')} extra={status === 'blocked' ? t('report.rules.difficulties') : undefined}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10000} data-testid="difficulties" />
              </Form.Item>
              <Form.Item name="proposals" label={t('report.proposals')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={10000} data-testid="proposals" />
              </Form.Item>
              <Space wrap>
                {report.availableActions.includes('save_draft') && (
                  <Button size="large" loading={busy === 'save_draft'} disabled={busy !== undefined} onClick={() => void run('save_draft')} data-testid="save-draft">
                    {t('report.saveDraft')}
                  </Button>
                )}
                {report.availableActions.includes('submit') && (
                  <Popconfirm title={t('report.confirmSubmit')} description={t('report.confirmSubmitDetail')} okText={t('report.submit')} cancelText={t('common.cancel')} onConfirm={() => void run('submit')}>
                    <Button size="large" type="primary" loading={busy === 'submit'} disabled={busy !== undefined} data-testid="submit-report">
                      {t('report.submit')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            </Form>
          ) : (
            <ReadOnlyContent report={report} />
          )}
        </Card>
        {canReview && (
          <Card style={{ marginTop: 16 }} title={<CardTitle>{t('report.review')}</CardTitle>}>
            <Typography.Paragraph>{t('report.reviewLead')}</Typography.Paragraph>
            <Space wrap>
              {report.availableActions.includes('accept') && (
                <Button type="primary" size="large" onClick={() => setReviewing('accept')} data-testid="accept-report">
                  {t('report.accept')}
                </Button>
              )}
              {report.availableActions.includes('return') && (
                <Button danger size="large" onClick={() => setReviewing('return')} data-testid="return-report">
                  {t('report.return')}
                </Button>
              )}
            </Space>
          </Card>
        )}
        <ActionModal<{ comment?: string }>
          open={reviewing !== undefined}
          title={reviewing === 'return' ? t('report.returnTitle') : t('report.acceptTitle')}
          okText={reviewing === 'return' ? t('report.return') : t('report.accept')}
          danger={reviewing === 'return'}
          testId="review"
          onClose={() => setReviewing(undefined)}
          onSubmit={async (values, requestId) => {
            const comment = (values.comment ?? '').trim();
            const next =
              reviewing === 'return'
                ? await planApi.returnReport(report.month, report.modelNumber, { requestId, comment })
                : await planApi.accept(report.month, report.modelNumber, { requestId, ...(comment ? { comment } : {}) });
            void message.success(reviewing === 'return' ? t('report.returned') : t('report.accepted'));
            onChanged(next);
          }}
        >
          {() => (
            <Form.Item
              name="comment"
              label={reviewing === 'return' ? t('report.returnComment') : t('report.acceptComment')}
              rules={reviewing === 'return' ? [{ required: true, whitespace: true, message: t('report.rules.comment') }] : []}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="review-comment" />
            </Form.Item>
          )}
        </ActionModal>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={<CardTitle>{t('report.state')}</CardTitle>} data-testid="report-state">
          <Descriptions
            column={1}
            size="small"
            layout={layout}
            items={[
              { key: 'status', label: t('common.reportStatus'), children: <ReportStatusTag status={report.status} /> },
              { key: 'unit', label: t('common.unit'), children: text(report.unit.name) },
              { key: 'month', label: t('common.month'), children: formatMonth(report.month) },
              {
                key: 'due',
                label: t('report.due'),
                children: (
                  <span data-testid="report-due">
                    {t('report.dueText', { day: formatDate(report.lastOnTimeDay) })}
                    {overdue && (
                      <Tag color="error" style={{ marginLeft: 8 }}>
                        {t('report.overdue')}
                      </Tag>
                    )}
                  </span>
                ),
              },
              {
                key: 'submitted',
                label: t('report.firstSubmitted'),
                children: report.firstSubmittedAt ? (
                  <span>
                    {formatDateTime(report.firstSubmittedAt)} {report.late ? <LateTag late /> : <Tag color="success">{t('common.onTime')}</Tag>}
                  </span>
                ) : (
                  t('report.notSubmitted')
                ),
              },
              ...(report.submittedAt && report.submittedAt !== report.firstSubmittedAt ? [{ key: 'last', label: t('report.lastSubmitted'), children: formatDateTime(report.submittedAt) }] : []),
              { key: 'version', label: t('report.version'), children: String(report.version) },
            ]}
          />
          <Link to={`/plan/models/${report.modelNumber}`}>
            <HistoryOutlined aria-hidden /> {t('report.modelHistory')}
          </Link>
        </Card>
        <Card title={<CardTitle>{t('report.history')}</CardTitle>} style={{ marginTop: 16 }}>
          <ActionHistory actions={actions} unitNames={{ [report.unit.id]: text(report.unit.shortName) }} />
        </Card>
      </Col>
    </Row>
  );
}

function ReadOnlyContent({ report }: { report: Report }) {
  const { t } = useTranslation('plan');
  const layout = useDescriptionLayout();
  const text = useText();
  const paragraph = (value: string) => (value ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{value}</Typography.Paragraph> : t('common.none'));
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      layout={layout}
      data-testid="report-content"
      items={[
        { key: 'implementation', label: t('common.implementation'), children: <ImplementationTag status={report.implementationStatus} /> },
        { key: 'progress', label: t('common.progress'), children: report.progressPercent === null ? t('common.none') : `${report.progressPercent} %` },
        { key: 'results', label: t('report.results'), children: paragraph(report.results) },
        {
          key: 'figures',
          label: t('report.figures'),
          children:
            report.figures.length === 0 ? (
              t('common.none')
            ) : (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {report.figures.map((figure) => (
                  <li key={figure.key}>
                    {text(figure.label)}: <strong>{figure.value === null ? '—' : figure.value.toLocaleString()}</strong> {figure.unit}{' '}
                    <Tag color={figure.source === 'live' ? 'success' : 'default'}>{figure.source === 'live' ? t('report.liveFigure') : t('report.manualFigure')}</Tag>
                  </li>
                ))}
              </ul>
            ),
        },
        { key: 'difficulties', label: t('report.difficulties'), children: paragraph(report.difficulties) },
        { key: 'proposals', label: t('report.proposals'), children: paragraph(report.proposals) },
      ]}
    />
  );
}
