/**
 * The operator's receipt for a stay notice: its code, when it was received, and each guest with the legal deadline
 * and whether the notice met it. Only what the server's receipt says: a guest who matched a police rule is listed
 * like every other guest, and nothing here can say otherwise (presence README: the receipt never shows a reason).
 */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format.ts';
import { CardTitle, DataTable, useDescriptionLayout } from '../plan/ui.tsx';
import type { Receipt } from './api.ts';

export function ReceiptView({ receipt, title }: { receipt: Receipt; title?: string }) {
  const { t } = useTranslation('presence');
  const layout = useDescriptionLayout();
  return (
    <Card
      title={<CardTitle>{title ?? t('receipt.title')}</CardTitle>}
      data-testid="receipt"
      extra={
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
      }
    >
      <Descriptions
        column={1}
        size="small"
        layout={layout}
        items={[
          {
            key: 'code',
            label: t('receipt.code'),
            children: (
              <Typography.Text strong className="mono" style={{ fontSize: 18 }} copyable={{ text: receipt.receiptCode, tooltips: [t('receipt.copy'), t('receipt.copied')] }} data-testid="receipt-code">
                {receipt.receiptCode}
              </Typography.Text>
            ),
          },
          { key: 'at', label: t('receipt.submittedAt'), children: formatDateTime(receipt.submittedAt) },
          {
            key: 'late',
            label: t('receipt.timeliness'),
            children:
              receipt.lateCount > 0 ? (
                <Tag color="error" data-testid="receipt-late">{t('receipt.lateCount', { count: receipt.lateCount })}</Tag>
              ) : (
                <Tag color="success" data-testid="receipt-on-time">{t('receipt.allOnTime')}</Tag>
              ),
          },
        ]}
      />
      {receipt.replayed && <Typography.Paragraph style={{ marginTop: 8 }}>{t('receipt.replayed')}</Typography.Paragraph>}
      <div style={{ marginTop: 12 }}>
        <DataTable<Receipt['guests'][number]>
          testId="receipt-guests"
          caption={t('receipt.guests')}
          rows={receipt.guests}
          rowKey={(guest) => guest.stayId}
          emptyText={t('receipt.noGuests')}
          columns={[
            { key: 'name', title: t('receipt.guest'), render: (guest) => <Typography.Text strong>{guest.name}</Typography.Text> },
            { key: 'room', title: t('receipt.room'), render: (guest) => guest.room ?? '—' },
            { key: 'arrival', title: t('receipt.arrival'), render: (guest) => formatDateTime(guest.arrivalAt) },
            { key: 'deadline', title: t('receipt.deadline'), render: (guest) => formatDateTime(guest.deadlineAt) },
            { key: 'late', title: t('receipt.status'), render: (guest) => (guest.late ? <Tag color="error">{t('receipt.late')}</Tag> : <Tag color="success">{t('receipt.onTime')}</Tag>) },
          ]}
        />
      </div>
    </Card>
  );
}
