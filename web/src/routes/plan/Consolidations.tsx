/**
 * The town's consolidated monthly report: the standing agency issues it (the server freezes the month's picture and
 * gives it the next document number of the year), then anyone who follows the plan downloads it as a PDF laid out
 * per Nghị định 30/2020/NĐ-CP for printing and signing, or as an XLSX workbook. The server makes both files.
 */
import { FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ActionModal } from '../../components/ActionModal.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { hasAnyRole } from '../../features/identity/roles.ts';
import { useSession } from '../../features/identity/session.tsx';
import { planApi, type Consolidation } from '../../features/plan/api.ts';
import { formatMonth, MONTH, reportingMonth } from '../../features/plan/month.ts';
import { CardTitle, DataTable, FieldLabel, MonthField } from '../../features/plan/ui.tsx';

/** The server's links are relative to the API (`/api/v1/plan/...`); anything else is not followed. */
function fileUrl(link: string): string | undefined {
  return link.startsWith('/api/v1/plan/consolidations/') ? link : undefined;
}

export default function Consolidations() {
  const { t } = useTranslation('plan');
  const { message } = App.useApp();
  const { session } = useSession();
  const secretary = hasAnyRole(session?.roles, ['working_group_secretary']);
  const [search, setSearch] = useSearchParams();
  const month = MONTH.test(search.get('month') ?? '') ? search.get('month')! : reportingMonth();
  const [onlyMonth, setOnlyMonth] = useState(search.has('month'));
  const [issuing, setIssuing] = useState(false);
  const loaded = useLoad((signal) => planApi.consolidations(onlyMonth ? month : undefined, signal), [month, onlyMonth]);
  const title = t('consolidations.title');

  return (
    <>
      <PageTitle
        title={title}
        extra={
          <Link to={`/plan/submissions?month=${month}`}>{t('consolidations.toSubmissions')}</Link>
        }
      >
        {title}
      </PageTitle>
      <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap align="end" size={24}>
          <div>
            <FieldLabel htmlFor="consolidation-month">{t('common.month')}</FieldLabel>
            <MonthField
              id="consolidation-month"
              value={month}
              onChange={(next) => {
                setSearch({ month: next }, { replace: true });
                setOnlyMonth(true);
              }}
            />
          </div>
          {onlyMonth && <Button onClick={() => setOnlyMonth(false)}>{t('consolidations.allMonths')}</Button>}
          {secretary && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setIssuing(true)} data-testid="issue-consolidation" style={{ whiteSpace: 'normal', height: 'auto', minHeight: 32, maxWidth: '100%' }}>
              {t('consolidations.issue', { month: formatMonth(month) })}
            </Button>
          )}
        </Space>
        {secretary && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, color: 'rgba(0,0,0,0.68)' }}>{t('consolidations.issueLead')}</Typography.Paragraph>}
      </Card>
      <Card title={<CardTitle>{t('consolidations.issued')}</CardTitle>}>
        <DataTable<Consolidation>
          testId="consolidations"
          caption={t('consolidations.issued')}
          loading={loaded.loading}
          rows={loaded.data?.items ?? []}
          rowKey={(row) => row.id}
          emptyText={t('consolidations.empty')}
          columns={[
            { key: 'number', title: t('consolidations.documentNumber'), render: (row) => <Typography.Text strong data-testid="document-number">{row.documentNumber}</Typography.Text> },
            { key: 'month', title: t('common.month'), render: (row) => formatMonth(row.month) },
            { key: 'issuedOn', title: t('consolidations.issuedOn'), render: (row) => formatDate(row.issuedOn) },
            {
              key: 'totals',
              title: t('consolidations.totals'),
              render: (row) => t('consolidations.totalsText', { reported: row.totals.reported, models: row.totals.models, late: row.totals.late, missing: row.totals.missing }),
            },
            { key: 'signer', title: t('consolidations.signer'), render: (row) => `${row.signerTitle}${row.signerName ? ` — ${row.signerName}` : ''}` },
            { key: 'created', title: t('consolidations.createdAt'), render: (row) => formatDateTime(row.createdAt), hideOnPhone: true },
            {
              key: 'files',
              title: t('consolidations.files'),
              render: (row) => (
                <Space wrap>
                  {fileUrl(row.links.pdf) && (
                    <a href={fileUrl(row.links.pdf)} download data-testid="download-pdf" aria-label={t('consolidations.downloadPdf', { number: row.documentNumber })}>
                      <FilePdfOutlined aria-hidden /> PDF
                    </a>
                  )}
                  {fileUrl(row.links.xlsx) && (
                    <a href={fileUrl(row.links.xlsx)} download data-testid="download-xlsx" aria-label={t('consolidations.downloadXlsx', { number: row.documentNumber })}>
                      <FileExcelOutlined aria-hidden /> XLSX
                    </a>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ActionModal<{ number?: number; signerName?: string; signerTitle?: string }>
        open={issuing}
        title={t('consolidations.issueTitle', { month: formatMonth(month) })}
        okText={t('consolidations.issueOk')}
        testId="consolidation"
        onClose={() => setIssuing(false)}
        onSubmit={async (values, requestId) => {
          const created = await planApi.consolidate({
            requestId,
            month,
            ...(values.number ? { number: values.number } : {}),
            ...(values.signerName?.trim() ? { signerName: values.signerName.trim() } : {}),
            ...(values.signerTitle?.trim() ? { signerTitle: values.signerTitle.trim() } : {}),
          });
          void message.success(t('consolidations.issuedOk', { number: created.documentNumber }));
          setSearch({ month }, { replace: true });
          setOnlyMonth(true);
          loaded.reload();
        }}
      >
        {() => (
          <>
            <Typography.Paragraph>{t('consolidations.freezeNote')}</Typography.Paragraph>
            <Form.Item name="number" label={t('consolidations.numberLabel')} extra={t('consolidations.numberHint')}>
              <InputNumber min={1} max={99999} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="signerTitle" label={t('consolidations.signerTitle')} extra={t('consolidations.signerTitleHint')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="signerName" label={t('consolidations.signerName')}>
              <Input maxLength={120} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </>
  );
}
