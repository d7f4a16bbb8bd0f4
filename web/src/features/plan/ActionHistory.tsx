/** The action log of a monthly report, newest first: who did what, when, the status change and the comment. */
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format.ts';
import type { ReportActionEntry } from './api.ts';

const ACTION_COLOURS: Record<string, string> = { save_draft: 'gray', submit: 'blue', return: 'orange', accept: 'green' };

/** `unitNames` names the units that acted (the log keeps their ids); other actors are named by their roles. */
export function ActionHistory({ actions, unitNames = {} }: { actions: ReportActionEntry[]; unitNames?: Record<string, string> }) {
  const { t } = useTranslation('plan');
  if (actions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noHistory')} />;
  return (
    <Timeline
      data-testid="report-history"
      items={[...actions].reverse().map((entry) => ({
        key: entry.seq,
        color: ACTION_COLOURS[entry.action] ?? 'gray',
        content: (
          <div data-testid="history-entry" data-action={entry.action}>
            <Typography.Text strong>{t(`actions.${entry.action}`)}</Typography.Text>
            <Typography.Text style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.68)' }}>
              {formatDateTime(entry.at)} · {entry.actorUnit ? (unitNames[entry.actorUnit] ?? entry.actorUnit) : entry.actorRoles.split(',').map((role) => t(`roles.${role}`, { ns: 'translation', defaultValue: role })).join(', ')}
            </Typography.Text>
            <Typography.Text style={{ display: 'block', fontSize: 13 }}>
              {t(`reportStatus.${entry.fromStatus}`)} → {t(`reportStatus.${entry.toStatus}`)}
              {entry.content.implementationStatus && ` · ${t(`implementation.${entry.content.implementationStatus}`)}`}
              {entry.content.progressPercent !== null && ` · ${entry.content.progressPercent} %`}
            </Typography.Text>
            {entry.comment && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', fontStyle: 'italic' }}>“{entry.comment}”</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}
