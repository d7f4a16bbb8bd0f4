/**
 * The only code that touches the plan.* tables.
 */
import type { Database, Queryable } from '../../kernel/db.ts';
import { parseDeadline } from './deadline.ts';
import { PILOT_ASSIGNMENT_2023_08, PLAN_FIRST_MONTH, PLAN_GROUPS, PLAN_MODELS, PLAN_UNITS, PROPOSED_SUCCESSIONS_2025 } from './plan-data.ts';
import type { SuccessionKind, UnitKind } from './plan-data.ts';
import type { ImplementationStatus, ReportAction, ReportStatus } from './report-status.ts';

export interface UnitRow {
  id: string;
  name_vi: string;
  name_en: string;
  short_name_vi: string;
  short_name_en: string;
  kind: UnitKind;
  standing_agency: boolean;
  email: string | null;
  valid_from: string;
  valid_to: string | null;
  source: 'plan_2023' | 'proposed_2025' | 'admin';
}

export interface SuccessionRow {
  id: number;
  predecessor_id: string;
  successor_id: string;
  effective_on: string;
  kind: SuccessionKind;
  note_vi: string;
  note_en: string;
  confirmed: boolean;
  source: 'proposed_2025' | 'admin';
  recorded_at: Date;
  recorded_by: string;
}

export interface GroupRow {
  number: number;
  section: string;
  title_vi: string;
  title_en: string;
  declared_models: number;
}

export interface ModelRow {
  number: number;
  group_number: number;
  section: string;
  title_vi: string;
  title_en: string;
  goal_vi: string;
  goal_en: string;
  force_vi: string;
  deadline_text: string;
  deadline_corrected: string | null;
  deadline_note_vi: string | null;
  deadline_note_en: string | null;
  deadline_kind: 'date' | 'quarter' | 'year' | 'recurring' | 'relative' | 'unscheduled';
  deadline_date: string | null;
  deadline_continuing: boolean;
  tools: string[];
  pilot_2023: boolean;
  lead_basis: 'pilot_2023' | 'section_iii' | 'standing_agency_default';
  note_vi: string | null;
  note_en: string | null;
  coordinator_ids: string[];
}

export interface LeadRow {
  id: number;
  model_number: number;
  unit_id: string;
  valid_from: string;
  basis: 'plan_2023' | 'admin';
  note: string;
  recorded_at: Date;
  recorded_by: string;
}

export interface ReportFigure {
  key: string;
  label: { vi: string; en: string };
  unit: string;
  value: number | null;
  source: 'live' | 'manual';
}

export interface ReportRow {
  id: string;
  model_number: number;
  month: string;
  unit_id: string;
  status: Exclude<ReportStatus, 'not_started'>;
  implementation_status: ImplementationStatus | null;
  progress_percent: number | null;
  results: string;
  figures: ReportFigure[];
  difficulties: string;
  proposals: string;
  due_at: Date;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  late: boolean;
  return_comment: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ReportActionRow {
  id: number;
  report_id: string;
  seq: number;
  action: ReportAction;
  from_status: ReportStatus;
  to_status: ReportStatus;
  actor_id: string;
  actor_roles: string;
  actor_unit: string | null;
  at: Date;
  comment: string | null;
  content: Record<string, unknown>;
  request_id: string;
}

export interface ConsolidationRow {
  id: string;
  month: string;
  year: number;
  number: number;
  symbol: string;
  issued_on: string;
  signer_name: string;
  signer_title: string;
  content: unknown;
  created_by: string;
  created_at: Date;
  request_id: string;
}

export type NotificationKind = 'report_due_soon' | 'report_overdue' | 'model_deadline_soon' | 'model_overdue';

export interface NotificationRow {
  id: number;
  audience: 'unit' | 'standing_agency';
  unit_id: string;
  period: string;
  kind: NotificationKind;
  model_numbers: number[];
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  created_at: Date;
  read_at: Date | null;
  read_by: string | null;
  email_to: string | null;
  email_status: 'none' | 'pending' | 'sent' | 'failed';
  emailed_at: Date | null;
}

/** Unique constraints whose violation means "this request was already handled" (a racing retry). */
export const REQUEST_ID_CONSTRAINTS = new Set([
  'report_action_request_uq',
  'consolidation_request_uq',
  'change_log_request_uq',
  'unit_request_uq',
  'unit_succession_request_uq',
  'model_lead_request_uq',
]);

export function violatedConstraint(error: unknown): string | undefined {
  const candidate = error as { code?: string; constraint?: string };
  return candidate.code === '23505' ? candidate.constraint : undefined;
}

/** An arbitrary, stable key for the seeding lock ("P06" + 1). */
const SEED_LOCK_KEY = 0x503061;

/**
 * Writes the plan's own data (plan-data.ts) into the tables, idempotently:
 * - groups and models are the plan's text: updated to what the code says;
 * - units, coordinators, proposed successions and the plan's lead assignments are inserted once and then belong to
 *   the administrators (an e-mail set or a succession confirmed is never overwritten).
 */
export async function seedPlanData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    for (const unit of PLAN_UNITS) {
      await tx.query(
        `INSERT INTO plan.unit (id, name_vi, name_en, short_name_vi, short_name_en, kind, standing_agency, valid_from, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
        [unit.id, unit.name.vi, unit.name.en, unit.shortName.vi, unit.shortName.en, unit.kind, unit.standingAgency ?? false, unit.validFrom, unit.source],
      );
    }
    for (const succession of PROPOSED_SUCCESSIONS_2025) {
      await tx.query(
        `INSERT INTO plan.unit_succession (predecessor_id, successor_id, effective_on, kind, note_vi, note_en, confirmed, source, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, false, 'proposed_2025', 'da06-seed') ON CONFLICT (predecessor_id, successor_id) DO NOTHING`,
        [succession.predecessorId, succession.successorId, succession.effectiveOn, succession.kind, succession.note.vi, succession.note.en],
      );
    }
    for (const group of PLAN_GROUPS) {
      await tx.query(
        `INSERT INTO plan.model_group (number, section, title_vi, title_en, declared_models) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (number) DO UPDATE SET section = EXCLUDED.section, title_vi = EXCLUDED.title_vi, title_en = EXCLUDED.title_en,
           declared_models = EXCLUDED.declared_models`,
        [group.number, group.section, group.title.vi, group.title.en, group.declaredModels],
      );
    }
    const pilots = new Set(Object.values(PILOT_ASSIGNMENT_2023_08).flat());
    for (const model of PLAN_MODELS) {
      const deadline = parseDeadline(model.deadlineCorrection?.text ?? model.deadline);
      await tx.query(
        `INSERT INTO plan.model (number, group_number, section, title_vi, title_en, goal_vi, goal_en, force_vi, deadline_text,
                                 deadline_corrected, deadline_note_vi, deadline_note_en, deadline_kind, deadline_date,
                                 deadline_continuing, tools, pilot_2023, lead_basis, note_vi, note_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::text[], $17, $18, $19, $20)
         ON CONFLICT (number) DO UPDATE SET group_number = EXCLUDED.group_number, section = EXCLUDED.section,
           title_vi = EXCLUDED.title_vi, title_en = EXCLUDED.title_en, goal_vi = EXCLUDED.goal_vi, goal_en = EXCLUDED.goal_en,
           force_vi = EXCLUDED.force_vi, deadline_text = EXCLUDED.deadline_text, deadline_corrected = EXCLUDED.deadline_corrected,
           deadline_note_vi = EXCLUDED.deadline_note_vi, deadline_note_en = EXCLUDED.deadline_note_en,
           deadline_kind = EXCLUDED.deadline_kind, deadline_date = EXCLUDED.deadline_date,
           deadline_continuing = EXCLUDED.deadline_continuing, tools = EXCLUDED.tools, pilot_2023 = EXCLUDED.pilot_2023,
           lead_basis = EXCLUDED.lead_basis, note_vi = EXCLUDED.note_vi, note_en = EXCLUDED.note_en`,
        [
          model.number,
          model.group,
          model.section,
          model.title.vi,
          model.title.en,
          model.goal.vi,
          model.goal.en,
          model.force,
          model.deadline,
          model.deadlineCorrection?.text ?? null,
          model.deadlineCorrection?.note.vi ?? null,
          model.deadlineCorrection?.note.en ?? null,
          deadline.kind,
          'due' in deadline ? deadline.due : null,
          'continuing' in deadline ? deadline.continuing : false,
          model.tools,
          pilots.has(model.number),
          model.leadBasis,
          model.note?.vi ?? null,
          model.note?.en ?? null,
        ],
      );
      for (const unitId of model.coordinatingUnitIds) {
        await tx.query('INSERT INTO plan.model_coordinator (model_number, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [model.number, unitId]);
      }
      await tx.query(
        `INSERT INTO plan.model_lead (model_number, unit_id, valid_from, basis, note, recorded_by)
         VALUES ($1, $2, $3, 'plan_2023', $4, 'da06-seed') ON CONFLICT (model_number, valid_from) DO NOTHING`,
        [model.number, model.leadUnitId, PLAN_FIRST_MONTH, model.leadBasis === 'pilot_2023' ? 'Kế hoạch 8/2023, mục V.2' : 'Kế hoạch 8/2023, mục III'],
      );
    }
  });
}

const UNIT_COLUMNS = `id, name_vi, name_en, short_name_vi, short_name_en, kind, standing_agency, email, valid_from, valid_to, source`;

export async function listUnits(db: Queryable): Promise<UnitRow[]> {
  return db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM plan.unit ORDER BY valid_from, standing_agency DESC, id`);
}

export async function findUnit(db: Queryable, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM plan.unit WHERE id = $1`, [id]);
  return row;
}

export async function insertUnit(
  tx: Queryable,
  unit: Omit<UnitRow, 'standing_agency' | 'valid_to' | 'source'> & { requestId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO plan.unit (id, name_vi, name_en, short_name_vi, short_name_en, kind, email, valid_from, source, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'admin', $9)`,
    [unit.id, unit.name_vi, unit.name_en, unit.short_name_vi, unit.short_name_en, unit.kind, unit.email, unit.valid_from, unit.requestId],
  );
}

export async function updateUnit(
  tx: Queryable,
  id: string,
  changes: { email?: string | null; name_vi?: string; name_en?: string; short_name_vi?: string; short_name_en?: string; valid_to?: string | null },
): Promise<void> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return;
  const sets = entries.map(([column], index) => `${column} = $${index + 2}`);
  await tx.query(`UPDATE plan.unit SET ${sets.join(', ')} WHERE id = $1`, [id, ...entries.map(([, value]) => value)]);
}

const SUCCESSION_COLUMNS = `id, predecessor_id, successor_id, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, kind, note_vi, note_en,
  confirmed, source, recorded_at, recorded_by`;

export async function listSuccessions(db: Queryable): Promise<SuccessionRow[]> {
  return db.query<SuccessionRow>(`SELECT ${SUCCESSION_COLUMNS} FROM plan.unit_succession ORDER BY effective_on, id`);
}

/** Records a succession, or confirms a proposed one between the same units (the administrator's decision wins). */
export async function upsertSuccession(
  tx: Queryable,
  link: { predecessorId: string; successorId: string; effectiveOn: string; kind: SuccessionKind; noteVi: string; noteEn: string; recordedBy: string; requestId: string },
): Promise<SuccessionRow> {
  const [row] = await tx.query<SuccessionRow>(
    `INSERT INTO plan.unit_succession (predecessor_id, successor_id, effective_on, kind, note_vi, note_en, confirmed, source, recorded_by, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, true, 'admin', $7, $8)
     ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET effective_on = EXCLUDED.effective_on, kind = EXCLUDED.kind,
       note_vi = EXCLUDED.note_vi, note_en = EXCLUDED.note_en, confirmed = true, source = 'admin',
       recorded_at = now(), recorded_by = EXCLUDED.recorded_by, request_id = EXCLUDED.request_id
     RETURNING ${SUCCESSION_COLUMNS}`,
    [link.predecessorId, link.successorId, link.effectiveOn, link.kind, link.noteVi, link.noteEn, link.recordedBy, link.requestId],
  );
  return row!;
}

export async function listGroups(db: Queryable): Promise<GroupRow[]> {
  return db.query<GroupRow>('SELECT number, section, title_vi, title_en, declared_models FROM plan.model_group ORDER BY number');
}

export async function listModels(db: Queryable): Promise<ModelRow[]> {
  return db.query<ModelRow>(
    `SELECT m.number, m.group_number, m.section, m.title_vi, m.title_en, m.goal_vi, m.goal_en, m.force_vi, m.deadline_text,
            m.deadline_corrected, m.deadline_note_vi, m.deadline_note_en, m.deadline_kind, m.deadline_date,
            m.deadline_continuing, m.tools, m.pilot_2023, m.lead_basis, m.note_vi, m.note_en,
            COALESCE(array_agg(c.unit_id ORDER BY c.unit_id) FILTER (WHERE c.unit_id IS NOT NULL), '{}') AS coordinator_ids
       FROM plan.model m LEFT JOIN plan.model_coordinator c ON c.model_number = m.number
      GROUP BY m.number ORDER BY m.number`,
  );
}

export async function listLeads(db: Queryable, modelNumber?: number): Promise<LeadRow[]> {
  return db.query<LeadRow>(
    `SELECT id, model_number, unit_id, valid_from, basis, note, recorded_at, recorded_by FROM plan.model_lead
      WHERE $1::int IS NULL OR model_number = $1 ORDER BY model_number, valid_from`,
    [modelNumber ?? null],
  );
}

export async function insertLead(
  tx: Queryable,
  lead: { modelNumber: number; unitId: string; validFrom: string; note: string; recordedBy: string; requestId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO plan.model_lead (model_number, unit_id, valid_from, basis, note, recorded_by, request_id)
     VALUES ($1, $2, $3, 'admin', $4, $5, $6)
     ON CONFLICT (model_number, valid_from) DO UPDATE SET unit_id = EXCLUDED.unit_id, basis = 'admin', note = EXCLUDED.note,
       recorded_at = now(), recorded_by = EXCLUDED.recorded_by, request_id = EXCLUDED.request_id`,
    [lead.modelNumber, lead.unitId, lead.validFrom, lead.note, lead.recordedBy, lead.requestId],
  );
}

export async function insertChange(
  tx: Queryable,
  change: { at: Date; actorId: string; entity: 'unit' | 'unit_succession' | 'model_lead'; entityId: string; change: string; details: unknown; requestId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO plan.change_log (at, actor_id, entity, entity_id, change, details, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [change.at, change.actorId, change.entity, change.entityId, change.change, JSON.stringify(change.details), change.requestId],
  );
}

export async function findChangeByRequest(db: Queryable, requestId: string): Promise<{ entity: string; entity_id: string; change: string; actor_id: string } | undefined> {
  const [row] = await db.query<{ entity: string; entity_id: string; change: string; actor_id: string }>(
    'SELECT entity, entity_id, change, actor_id FROM plan.change_log WHERE request_id = $1',
    [requestId],
  );
  return row;
}

export async function listChanges(db: Queryable, entity: string, entityId: string): Promise<Array<{ at: Date; actor_id: string; change: string; details: unknown }>> {
  return db.query('SELECT at, actor_id, change, details FROM plan.change_log WHERE entity = $1 AND entity_id = $2 ORDER BY id', [entity, entityId]);
}

const REPORT_COLUMNS = `id, model_number, month, unit_id, status, implementation_status, progress_percent, results, figures, difficulties,
  proposals, due_at, first_submitted_at, submitted_at, late, return_comment, version, created_at, updated_at`;

export async function findReport(db: Queryable, modelNumber: number, month: string, options: { forUpdate?: boolean } = {}): Promise<ReportRow | undefined> {
  const [row] = await db.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM plan.monthly_report WHERE model_number = $1 AND month = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [modelNumber, month],
  );
  return row;
}

export async function findReportById(db: Queryable, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM plan.monthly_report WHERE id = $1`, [id]);
  return row;
}

export interface ReportFilter {
  month?: string | undefined;
  fromMonth?: string | undefined;
  unitId?: string | undefined;
  modelNumber?: number | undefined;
  status?: string | undefined;
}

export async function listReports(db: Queryable, filter: ReportFilter): Promise<ReportRow[]> {
  return db.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM plan.monthly_report
      WHERE ($1::text IS NULL OR month = $1) AND ($2::text IS NULL OR unit_id = $2) AND ($3::int IS NULL OR model_number = $3)
        AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR month >= $5)
      ORDER BY month DESC, model_number`,
    [filter.month ?? null, filter.unitId ?? null, filter.modelNumber ?? null, filter.status ?? null, filter.fromMonth ?? null],
  );
}

/** Creates the row of a report on its first action (version 0 = nothing done yet); a concurrent creation is a no-op. */
export async function createReportShell(tx: Queryable, report: { modelNumber: number; month: string; unitId: string; dueAt: Date; figures: ReportFigure[]; at: Date }): Promise<void> {
  await tx.query(
    `INSERT INTO plan.monthly_report (model_number, month, unit_id, status, figures, due_at, created_at, updated_at)
     VALUES ($1, $2, $3, 'draft', $4, $5, $6, $6) ON CONFLICT (model_number, month) DO NOTHING`,
    [report.modelNumber, report.month, report.unitId, JSON.stringify(report.figures), report.dueAt, report.at],
  );
}

export async function updateReport(
  tx: Queryable,
  id: string,
  state: Pick<
    ReportRow,
    'status' | 'implementation_status' | 'progress_percent' | 'results' | 'figures' | 'difficulties' | 'proposals' | 'first_submitted_at' | 'submitted_at' | 'late' | 'return_comment' | 'version' | 'updated_at'
  >,
): Promise<void> {
  await tx.query(
    `UPDATE plan.monthly_report SET status = $2, implementation_status = $3, progress_percent = $4, results = $5, figures = $6,
        difficulties = $7, proposals = $8, first_submitted_at = $9, submitted_at = $10, late = $11, return_comment = $12,
        version = $13, updated_at = $14
      WHERE id = $1`,
    [
      id,
      state.status,
      state.implementation_status,
      state.progress_percent,
      state.results,
      JSON.stringify(state.figures),
      state.difficulties,
      state.proposals,
      state.first_submitted_at,
      state.submitted_at,
      state.late,
      state.return_comment,
      state.version,
      state.updated_at,
    ],
  );
}

export async function insertReportAction(tx: Queryable, action: Omit<ReportActionRow, 'id'>): Promise<void> {
  await tx.query(
    `INSERT INTO plan.report_action (report_id, seq, action, from_status, to_status, actor_id, actor_roles, actor_unit, at, comment, content, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      action.report_id,
      action.seq,
      action.action,
      action.from_status,
      action.to_status,
      action.actor_id,
      action.actor_roles,
      action.actor_unit,
      action.at,
      action.comment,
      JSON.stringify(action.content),
      action.request_id,
    ],
  );
}

const ACTION_COLUMNS = 'id, report_id, seq, action, from_status, to_status, actor_id, actor_roles, actor_unit, at, comment, content, request_id';

export async function findActionByRequest(db: Queryable, requestId: string): Promise<ReportActionRow | undefined> {
  const [row] = await db.query<ReportActionRow>(`SELECT ${ACTION_COLUMNS} FROM plan.report_action WHERE request_id = $1`, [requestId]);
  return row;
}

export async function listReportActions(db: Queryable, reportIds: string[]): Promise<ReportActionRow[]> {
  if (reportIds.length === 0) return [];
  return db.query<ReportActionRow>(`SELECT ${ACTION_COLUMNS} FROM plan.report_action WHERE report_id = ANY($1::uuid[]) ORDER BY report_id, seq`, [reportIds]);
}

const CONSOLIDATION_COLUMNS = `id, month, year, number, symbol, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, signer_name, signer_title, content,
  created_by, created_at, request_id`;

export async function findConsolidation(db: Queryable, id: string): Promise<ConsolidationRow | undefined> {
  const [row] = await db.query<ConsolidationRow>(`SELECT ${CONSOLIDATION_COLUMNS} FROM plan.consolidation WHERE id = $1`, [id]);
  return row;
}

export async function findConsolidationByRequest(db: Queryable, requestId: string): Promise<ConsolidationRow | undefined> {
  const [row] = await db.query<ConsolidationRow>(`SELECT ${CONSOLIDATION_COLUMNS} FROM plan.consolidation WHERE request_id = $1`, [requestId]);
  return row;
}

export async function listConsolidations(db: Queryable, month: string | undefined): Promise<ConsolidationRow[]> {
  return db.query<ConsolidationRow>(
    `SELECT ${CONSOLIDATION_COLUMNS} FROM plan.consolidation WHERE $1::text IS NULL OR month = $1 ORDER BY created_at DESC, id`,
    [month ?? null],
  );
}

export async function nextDocumentNumber(tx: Queryable, year: number, symbol: string): Promise<number> {
  // One numbering sequence per year and symbol; the lock keeps two consolidations from taking the same number.
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [SEED_LOCK_KEY, year]);
  const [row] = await tx.query<{ next: number }>('SELECT COALESCE(max(number), 0) + 1 AS next FROM plan.consolidation WHERE year = $1 AND symbol = $2', [year, symbol]);
  return row!.next;
}

export async function documentNumberTaken(tx: Queryable, year: number, symbol: string, number: number): Promise<boolean> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [SEED_LOCK_KEY, year]);
  const rows = await tx.query('SELECT 1 FROM plan.consolidation WHERE year = $1 AND symbol = $2 AND number = $3', [year, symbol, number]);
  return rows.length > 0;
}

export async function insertConsolidation(tx: Queryable, row: Omit<ConsolidationRow, 'id'>): Promise<ConsolidationRow> {
  const [inserted] = await tx.query<ConsolidationRow>(
    `INSERT INTO plan.consolidation (month, year, number, symbol, issued_on, signer_name, signer_title, content, created_by, created_at, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${CONSOLIDATION_COLUMNS}`,
    [row.month, row.year, row.number, row.symbol, row.issued_on, row.signer_name, row.signer_title, JSON.stringify(row.content), row.created_by, row.created_at, row.request_id],
  );
  return inserted!;
}

const NOTIFICATION_COLUMNS = `id, audience, unit_id, period, kind, model_numbers, title_vi, title_en, body_vi, body_en, created_at, read_at, read_by,
  email_to, email_status, emailed_at`;

/** Inserts a reminder once per (audience, unit, period, kind); returns it only when this call created it. */
export async function insertNotificationOnce(
  tx: Queryable,
  notification: Omit<NotificationRow, 'id' | 'read_at' | 'read_by' | 'emailed_at'>,
): Promise<NotificationRow | undefined> {
  const [row] = await tx.query<NotificationRow>(
    `INSERT INTO plan.notification (audience, unit_id, period, kind, model_numbers, title_vi, title_en, body_vi, body_en, created_at, email_to, email_status)
     VALUES ($1, $2, $3, $4, $5::int[], $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (audience, unit_id, period, kind) DO NOTHING RETURNING ${NOTIFICATION_COLUMNS}`,
    [
      notification.audience,
      notification.unit_id,
      notification.period,
      notification.kind,
      notification.model_numbers,
      notification.title_vi,
      notification.title_en,
      notification.body_vi,
      notification.body_en,
      notification.created_at,
      notification.email_to,
      notification.email_status,
    ],
  );
  return row;
}

export async function listNotifications(
  db: Queryable,
  filter: { audience?: 'unit' | 'standing_agency'; unitId?: string; unreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  const where = `($1::text IS NULL OR audience = $1) AND ($2::text IS NULL OR unit_id = $2) AND (NOT $3::boolean OR read_at IS NULL)`;
  const params = [filter.audience ?? null, filter.unitId ?? null, filter.unreadOnly];
  const rows = await db.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM plan.notification WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5`, [
    ...params,
    filter.limit,
    filter.offset,
  ]);
  const [count] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM plan.notification WHERE ${where}`, params);
  return { rows, total: count?.total ?? 0 };
}

export async function findNotification(db: Queryable, id: number): Promise<NotificationRow | undefined> {
  const [row] = await db.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM plan.notification WHERE id = $1`, [id]);
  return row;
}

export async function markNotificationRead(db: Queryable, id: number, at: Date, by: string): Promise<NotificationRow | undefined> {
  const [row] = await db.query<NotificationRow>(
    `UPDATE plan.notification SET read_at = COALESCE(read_at, $2), read_by = COALESCE(read_by, $3) WHERE id = $1 RETURNING ${NOTIFICATION_COLUMNS}`,
    [id, at, by],
  );
  return row;
}

/** Claims reminders whose e-mail is not sent yet; rows another process is sending are skipped (call inside a transaction). */
export async function claimNotificationsAwaitingEmail(tx: Queryable, limit: number): Promise<NotificationRow[]> {
  return tx.query<NotificationRow>(
    `SELECT ${NOTIFICATION_COLUMNS} FROM plan.notification WHERE email_status IN ('pending', 'failed') ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function countUnreadNotifications(db: Queryable, filter: { audience?: 'unit' | 'standing_agency'; unitId?: string }): Promise<number> {
  const [row] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM plan.notification WHERE read_at IS NULL AND ($1::text IS NULL OR audience = $1) AND ($2::text IS NULL OR unit_id = $2)`,
    [filter.audience ?? null, filter.unitId ?? null],
  );
  return row?.total ?? 0;
}

export async function setEmailStatus(db: Queryable, id: number, status: 'sent' | 'failed', at: Date): Promise<void> {
  await db.query('UPDATE plan.notification SET email_status = $2, emailed_at = CASE WHEN $2 = \'sent\' THEN $3::timestamptz ELSE emailed_at END WHERE id = $1', [id, status, at]);
}
