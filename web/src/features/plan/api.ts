/** Calls to the plan module (/api/v1/plan) and the shapes it answers (server/src/modules/plan/plan.schemas.ts). */
import { api } from '../../api.ts';

export interface Text {
  vi: string;
  en: string;
}

export interface UnitRef {
  id: string;
  name: Text;
  shortName: Text;
}

export interface Deadline {
  text: string;
  corrected: string | null;
  correctionNote: Text | null;
  kind: 'date' | 'quarter' | 'year' | 'recurring' | 'relative' | 'unscheduled' | string;
  date: string | null;
  continuing: boolean;
}

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const IMPLEMENTATION_STATUSES = ['not_started', 'in_progress', 'completed', 'blocked'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];
export type ReportAction = 'save_draft' | 'submit' | 'return' | 'accept';

export interface ModelSummary {
  number: number;
  group: number;
  section: string;
  title: Text;
  leadUnit: UnitRef;
  awaitingReassignment: boolean;
  pilot2023: boolean;
  deadline: Deadline;
  tools: Array<{ key: string; label: Text }>;
  hasLiveFigures: boolean;
  status: { month: string; reportStatus: ReportStatus; implementationStatus: ImplementationStatus | null; progressPercent: number | null; late: boolean } | null;
  statusVisible: boolean;
}

export interface LeadHistoryEntry {
  unit: UnitRef;
  validFrom: string;
  basis: string;
  note: string;
  recordedAt: string;
  recordedBy: string;
}

export interface ModelDetail extends ModelSummary {
  goal: Text;
  force: string;
  leadBasis: string;
  note: Text | null;
  coordinatingUnits: UnitRef[];
  figures: {
    hasLiveFigures: boolean;
    note: Text;
    live: Array<{ key: string; label: Text; unit: string }>;
    planned: Array<{ key: string; label: Text; unit: string; module: string }>;
  };
  leads: LeadHistoryEntry[];
}

export interface ReportFigure {
  key: string;
  label: Text;
  unit: string;
  value: number | null;
  /** 'live' while the value is the one the platform computed; 'manual' once a person typed over it. */
  source: 'live' | 'manual' | string;
}

export interface Report {
  id: string | null;
  modelNumber: number;
  modelTitle: Text;
  month: string;
  unit: UnitRef;
  status: ReportStatus;
  statusLabel: Text;
  implementationStatus: ImplementationStatus | null;
  implementationLabel: Text | null;
  progressPercent: number | null;
  results: string;
  figures: ReportFigure[];
  difficulties: string;
  proposals: string;
  dueAt: string;
  lastOnTimeDay: string;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  late: boolean;
  returnComment: string | null;
  version: number;
  updatedAt: string | null;
  availableActions: ReportAction[];
}

export interface ReportActionEntry {
  seq: number;
  action: ReportAction;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  actorId: string;
  actorRoles: string;
  actorUnit: string | null;
  at: string;
  comment: string | null;
  content: {
    implementationStatus: ImplementationStatus | null;
    progressPercent: number | null;
    results: string;
    figures: ReportFigure[];
    difficulties: string;
    proposals: string;
  };
}

export interface ReportHistory {
  report: Report;
  actions: ReportActionEntry[];
}

export interface ModelHistory {
  modelNumber: number;
  title: Text;
  leads: LeadHistoryEntry[];
  reports: ReportHistory[];
}

interface SubmissionCounts {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  accepted: number;
  returned: number;
  draft: number;
  missing: number;
}

export interface Submissions {
  month: string;
  dueAt: string;
  lastOnTimeDay: string;
  pastDue: boolean;
  totals: SubmissionCounts;
  units: Array<SubmissionCounts & { unit: UnitRef; reported: boolean; isLate: boolean; missingModels: number[]; lateModels: number[] }>;
  models: Array<{ number: number; unitId: string; status: ReportStatus; late: boolean; submittedAt: string | null }>;
}

export interface Consolidation {
  id: string;
  month: string;
  documentNumber: string;
  number: number;
  symbol: string;
  issuedOn: string;
  signerName: string;
  signerTitle: string;
  createdAt: string;
  createdBy: string;
  totals: { models: number; reported: number; onTime: number; late: number; returned: number; missing: number };
  links: { pdf: string; xlsx: string };
}

export interface StatusCounts {
  completed: number;
  in_progress: number;
  blocked: number;
  not_started: number;
  not_reported: number;
}

export type TimelineState = 'done' | 'overdue' | 'due_soon' | 'upcoming' | 'recurring' | 'conditional' | 'unscheduled';

export interface Overview {
  month: string;
  generatedAt: string;
  reporting: { month: string; dueAt: string; pastDue: boolean; expected: number; submitted: number; late: number; missing: number };
  byGroup: Array<{ number: number; title: Text; models: number; counts: StatusCounts; averageProgress: number | null }>;
  byUnit: Array<{ unit: UnitRef; models: number[]; counts: StatusCounts; submitted: number; late: number; missing: number }>;
  timeline: Array<{ modelNumber: number; title: Text; unit: UnitRef; deadline: Deadline; state: TimelineState | string; daysLeft: number | null }>;
  unreadNotifications: number;
}

export interface Notification {
  id: number;
  audience: string;
  unit: UnitRef;
  period: string;
  kind: 'report_due_soon' | 'report_overdue' | 'model_deadline_soon' | 'model_overdue' | string;
  modelNumbers: number[];
  title: Text;
  body: Text;
  createdAt: string;
  readAt: string | null;
  emailStatus: string;
}

export interface NotificationPage {
  items: Notification[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Unit {
  id: string;
  name: Text;
  shortName: Text;
  kind: string;
  standingAgency: boolean;
  email: string | null;
  validFrom: string;
  validTo: string | null;
}

/** What a unit sends when it saves or submits: the report's content and this action's idempotency key. */
export interface ReportContentInput {
  requestId: string;
  implementationStatus?: ImplementationStatus;
  progressPercent?: number;
  results?: string;
  figures?: Array<{ key: string; value: number | null; label?: string; labelEn?: string; unit?: string }>;
  difficulties?: string;
  proposals?: string;
}

const BASE = '/api/v1/plan';
const report = (month: string, number: number) => `${BASE}/reports/${month}/${number}`;

export const planApi = {
  units: (signal?: AbortSignal) => api<Unit[]>(`${BASE}/units`, { signal }),
  models: (month: string | undefined, signal?: AbortSignal) => api<ModelSummary[]>(`${BASE}/models`, { query: { month }, signal }),
  model: (number: number, signal?: AbortSignal) => api<ModelDetail>(`${BASE}/models/${number}`, { signal }),
  modelHistory: (number: number, signal?: AbortSignal) => api<ModelHistory>(`${BASE}/models/${number}/history`, { signal }),
  report: (month: string, number: number, signal?: AbortSignal) => api<Report>(report(month, number), { signal }),
  reportHistory: (month: string, number: number, signal?: AbortSignal) => api<ReportHistory>(`${report(month, number)}/actions`, { signal }),
  saveDraft: (month: string, number: number, body: ReportContentInput) => api<Report>(`${report(month, number)}/draft`, { method: 'PUT', body }),
  submit: (month: string, number: number, body: ReportContentInput) => api<Report>(`${report(month, number)}/submit`, { method: 'POST', body }),
  returnReport: (month: string, number: number, body: { requestId: string; comment: string }) => api<Report>(`${report(month, number)}/return`, { method: 'POST', body }),
  accept: (month: string, number: number, body: { requestId: string; comment?: string }) => api<Report>(`${report(month, number)}/accept`, { method: 'POST', body }),
  submissions: (month: string, signal?: AbortSignal) => api<Submissions>(`${BASE}/months/${month}/submissions`, { signal }),
  overview: (month: string | undefined, signal?: AbortSignal) => api<Overview>(`${BASE}/overview`, { query: { month }, signal }),
  consolidations: (month: string | undefined, signal?: AbortSignal) => api<{ items: Consolidation[] }>(`${BASE}/consolidations`, { query: { month }, signal }),
  consolidate: (body: { requestId: string; month: string; number?: number; signerName?: string; signerTitle?: string }) =>
    api<Consolidation>(`${BASE}/consolidations`, { method: 'POST', body }),
  notifications: (query: { unread?: boolean; page?: number; pageSize?: number }, signal?: AbortSignal) => api<NotificationPage>(`${BASE}/notifications`, { query, signal }),
  markRead: (id: number) => api<Notification>(`${BASE}/notifications/${id}/read`, { method: 'POST' }),
  runReminders: () => api<{ at: string; notificationsCreated: number; emailsSent: number; emailsFailed: number }>(`${BASE}/reminders/run`, { method: 'POST' }),
};

/** The signed-in account as the identity module describes it: a reporter's unit comes from here (token claim `unit`). */
export function myAccount(signal?: AbortSignal) {
  return api<{ id: string; unitId: string | null; establishmentId: string | null; establishmentKind: string | null; roles: string[] }>('/api/v1/identity/me', { signal });
}
