/** Pieces the presence screens share: the queue's state tags and a stored problem document in the UI language. */
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api.ts';
import type { OutboxState } from './outbox.ts';

const STATE_COLOURS: Record<OutboxState, string> = { pending: 'warning', sending: 'processing', sent: 'success', failed: 'error', signin: 'warning' };

export function StateTag({ state, label }: { state: OutboxState; label?: string }) {
  const { t } = useTranslation('presence');
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="state-tag" data-state={state}>
      {label ? `${label} · ` : ''}
      {t(`queue.states.${state}`)}
    </Tag>
  );
}

/** A problem kept in the queue, said as the server said it in the language on screen (RFC 9457 `detail`). */
export function problemText(problem: ProblemDocument & { status: number }, language: 'vi' | 'en', t: TFunction): string {
  if (problem.status === 0 || problem.code === 'NETWORK_ERROR') return t('queue.networkProblem');
  if (problem.status === 401) return t('queue.sessionEnded');
  return problem.messages?.[language] ?? problem.detail ?? problem.title ?? t('queue.unknownProblem', { status: problem.status });
}

const ESTABLISHMENT_COLOURS: Record<string, string> = { pending: 'warning', approved: 'success', rejected: 'error', suspended: 'error' };

export function EstablishmentStatus({ status }: { status: string }) {
  const { t } = useTranslation('presence');
  return (
    <Tag color={ESTABLISHMENT_COLOURS[status] ?? 'default'} data-testid="establishment-status">
      {t(`establishments.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}
