/**
 * In-app reminders of the plan (reports due soon or overdue, model deadlines): the unit reporter sees its unit's,
 * the secretary the standing agency's. Reading one marks it read on the server, for every device of the account.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, List, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { formatDateTime } from '../../format.ts';
import { planApi, type Notification } from './api.ts';
import { formatMonth, MONTH } from './month.ts';
import { CardTitle, useText } from './ui.tsx';

export function PlanNotifications({ compact, pageSize = 10 }: { compact?: boolean; pageSize?: number }) {
  const { t } = useTranslation('plan');
  const text = useText();
  const [unreadOnly, setUnreadOnly] = useState(compact === true);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>();
  const loaded = useLoad((signal) => planApi.notifications({ unread: unreadOnly || undefined, page, pageSize }, signal), [unreadOnly, page, pageSize]);

  const markRead = async (notification: Notification) => {
    setError(undefined);
    try {
      await planApi.markRead(notification.id);
      loaded.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const unread = (loaded.data?.items ?? []).filter((item) => !item.readAt).length;
  return (
    <Card
      title={
        <Space>
          <BellOutlined aria-hidden />
          <CardTitle>{t('notifications.title')}</CardTitle>
          {unread > 0 && <Badge count={unread} aria-label={t('notifications.unreadCount', { count: unread })} style={{ backgroundColor: '#b3261e' }} />}
        </Space>
      }
      extra={
        <Space>
          <Switch id="notifications-unread" checked={unreadOnly} onChange={(checked) => { setUnreadOnly(checked); setPage(1); }} />
          <label htmlFor="notifications-unread">{t('notifications.unreadOnly')}</label>
        </Space>
      }
      data-testid="plan-notifications"
    >
      <ProblemAlert error={loaded.error ?? error} onRetry={loaded.reload} />
      <List<Notification>
        itemLayout="vertical"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
        pagination={
          !compact && (loaded.data?.total ?? 0) > pageSize
            ? { current: page, pageSize, total: loaded.data?.total ?? 0, onChange: setPage, size: 'small', showSizeChanger: false }
            : false
        }
        renderItem={(item) => (
          <List.Item
            data-testid="plan-notification"
            actions={
              item.readAt
                ? []
                : [
                    <Button key="read" size="small" onClick={() => void markRead(item)}>
                      {t('notifications.markRead')}
                    </Button>,
                  ]
            }
          >
            <div>
              <div style={{ marginBottom: 4 }}>
                <Space wrap size={4}>
                  {!item.readAt && <Tag color="processing">{t('notifications.new')}</Tag>}
                  <Tag color={item.kind.endsWith('overdue') ? 'error' : 'warning'}>{t(`notifications.kinds.${item.kind}`, { defaultValue: item.kind })}</Tag>
                  <Typography.Text strong>{text(item.title)}</Typography.Text>
                </Space>
              </div>
              <div>
                <Typography.Paragraph style={{ marginBottom: 4, color: 'rgba(0,0,0,0.78)' }}>{text(item.body)}</Typography.Paragraph>
                <Typography.Text style={{ fontSize: 13, color: 'rgba(0,0,0,0.68)' }}>
                  {formatDateTime(item.createdAt)} · {text(item.unit.shortName)}
                  {item.modelNumbers.length > 0 && MONTH.test(item.period) && (
                    <>
                      {' · '}
                      {item.modelNumbers.slice(0, 6).map((number, index) => (
                        <span key={number}>
                          {index > 0 && ', '}
                          <Link to={`/plan/reports/${item.period}/${number}`} aria-label={t('notifications.openReport', { number, month: formatMonth(item.period) })}>
                            {t('common.modelNumber', { number })}
                          </Link>
                        </span>
                      ))}
                    </>
                  )}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
      {compact && (loaded.data?.total ?? 0) > pageSize && (
        <Link to="/plan/notifications" style={{ display: 'inline-block', marginTop: 8 }}>
          {t('notifications.all', { count: loaded.data?.total ?? 0 })}
        </Link>
      )}
    </Card>
  );
}
