/**
 * The monthly report's workflow as data (DESIGN.md §2: a status → allowed-actions table and an append-only log).
 *
 * Rules:
 * - the lead unit's reporter saves drafts and submits; submission locks the report (section V.3: units report to the
 *   standing agency);
 * - the standing agency (secretary of the working group) returns a submitted report with a comment for correction,
 *   or accepts it; an accepted report is final;
 * - a returned report stays "returned" while the unit corrects it, so that the comment stays in view, until it is
 *   submitted again;
 * - the current status is the replay of the action log (`statusFromLog`); the stored status is a projection of it.
 */

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['save_draft', 'submit', 'return', 'accept'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Status → action → the status it leads to. An action missing from a status's row is not allowed there. */
export const ACTIONS_BY_STATUS = {
  not_started: { save_draft: 'draft', submit: 'submitted' },
  draft: { save_draft: 'draft', submit: 'submitted' },
  submitted: { return: 'returned', accept: 'accepted' },
  returned: { save_draft: 'returned', submit: 'submitted' },
  accepted: {},
} as const satisfies Record<ReportStatus, Partial<Record<ReportAction, ReportStatus>>>;

/** Who may take an action: the lead unit's reporter, or the standing agency. */
export type ReportParty = 'unit' | 'standing_agency';

export const ACTION_PARTY = {
  save_draft: 'unit',
  submit: 'unit',
  return: 'standing_agency',
  accept: 'standing_agency',
} as const satisfies Record<ReportAction, ReportParty>;

export const REPORT_STATUS_LABELS: Record<ReportStatus, { vi: string; en: string }> = {
  not_started: { vi: 'chưa lập', en: 'not started' },
  draft: { vi: 'đang soạn', en: 'draft' },
  submitted: { vi: 'đã nộp', en: 'submitted' },
  returned: { vi: 'bị trả lại để chỉnh sửa', en: 'returned for correction' },
  accepted: { vi: 'đã tiếp nhận', en: 'accepted' },
};

export const REPORT_ACTION_LABELS: Record<ReportAction, { vi: string; en: string }> = {
  save_draft: { vi: 'lưu nháp', en: 'save draft' },
  submit: { vi: 'nộp', en: 'submit' },
  return: { vi: 'trả lại', en: 'return' },
  accept: { vi: 'tiếp nhận', en: 'accept' },
};

/** The state of a model's implementation that the unit reports (the plan's "tình hình, kết quả thực hiện"). */
export const IMPLEMENTATION_STATUSES = ['not_started', 'in_progress', 'completed', 'blocked'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export const IMPLEMENTATION_STATUS_LABELS: Record<ImplementationStatus, { vi: string; en: string }> = {
  not_started: { vi: 'chưa triển khai', en: 'not started' },
  in_progress: { vi: 'đang triển khai', en: 'in progress' },
  completed: { vi: 'hoàn thành', en: 'completed' },
  blocked: { vi: 'vướng mắc', en: 'blocked' },
};

export function nextStatus(status: ReportStatus, action: ReportAction): ReportStatus | undefined {
  return (ACTIONS_BY_STATUS[status] as Partial<Record<ReportAction, ReportStatus>>)[action];
}

/** The actions a party may take on a report in a status (a reader may take none). */
export function availableActions(status: ReportStatus, party: ReportParty | 'reader'): ReportAction[] {
  return (Object.keys(ACTIONS_BY_STATUS[status]) as ReportAction[]).filter((action) => ACTION_PARTY[action] === party);
}

/** Replays an action log from the start; throws on an action the table does not allow (a corrupt log). */
export function statusFromLog(actions: readonly { action: ReportAction }[]): ReportStatus {
  let status: ReportStatus = 'not_started';
  for (const [index, { action }] of actions.entries()) {
    const next = nextStatus(status, action);
    if (!next) throw new Error(`action ${index + 1} (${action}) is not allowed after status ${status}`);
    status = next;
  }
  return status;
}

/** "'lưu nháp', 'nộp'" — the allowed actions for a message, plus reading, which is always allowed. */
export function describeAllowed(status: ReportStatus, language: 'vi' | 'en'): string {
  const actions = (Object.keys(ACTIONS_BY_STATUS[status]) as ReportAction[]).map((action) => `'${REPORT_ACTION_LABELS[action][language]}'`);
  actions.push(language === 'vi' ? "'xem'" : "'view'");
  const last = actions.pop()!;
  return actions.length === 0 ? last : `${actions.join(', ')}${language === 'vi' ? ' hoặc ' : ' or '}${last}`;
}
