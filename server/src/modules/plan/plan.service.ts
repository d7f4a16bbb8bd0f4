/**
 * Use cases of the plan: the 43 models and who leads them, monthly reports (draft, submit, return, accept),
 * consolidation by the standing agency, live figures, reminders and the leaders' overview.
 *
 * Access rules (deny by default, DESIGN.md §2):
 * - the secretary of the working group (the standing agency), leaders and administrators read every report;
 * - a unit reporter reads and writes only the reports of the models its unit is responsible for; any other report
 *   answers 404, exactly like a report that does not exist (STYLE.md: the same answer for "not found" and "not yours");
 * - only the responsible unit's reporter saves and submits; only the standing agency returns and accepts;
 * - every state change carries the client's requestId: a retry finds the first change and never doubles it.
 */
import type { Actor, Role } from '../../kernel/auth.ts';
import { vietnamDate, type Clock } from '../../kernel/clock.ts';
import type { Database, Queryable } from '../../kernel/db.ts';
import { DomainError, KernelErrors } from '../../kernel/errors.ts';
import type { Logger } from '../../kernel/logger.ts';
import type { MessageSender } from '../../kernel/outbound.ts';
import { publish } from '../../kernel/outbox.ts';
import { buildConsolidatedContent, DEFAULT_DOCUMENT_SETTINGS, shortDate, type ConsolidatedContent, type DocumentSettings } from './consolidated-report.ts';
import { renderConsolidatedPdf } from './consolidated-report.pdf.ts';
import { renderConsolidatedXlsx } from './consolidated-report.xlsx.ts';
import { checkProviders, computeFigures, plannedFiguresFor, providersFor, type FigureProvider, type LiveFigure } from './figures.ts';
import { PLAN_FIRST_MONTH, PLAN_MODELS, TOOLS, type ToolKey } from './plan-data.ts';
import { PlanErrors } from './plan.errors.ts';
import * as repo from './plan.repository.ts';
import type { ConsolidationRow, LeadRow, ModelRow, NotificationKind, NotificationRow, ReportActionRow, ReportFigure, ReportRow, SuccessionRow, UnitRow } from './plan.repository.ts';
import type {
  AcceptBody,
  Consolidation,
  ConsolidationBody,
  DraftBody,
  Group,
  LeadBody,
  ModelDetail,
  ModelSummary,
  Overview,
  Report,
  ReportQuery,
  ReturnBody,
  Submissions,
  SuccessionBody,
  Unit,
  UnitCreateBody,
  UnitUpdateBody,
} from './plan.schemas.ts';
import { applyInput, FigureLabelMissing, missingForSubmission, prefillFigures, type ReportContent } from './report-content.ts';
import { addMonths, compareMonths, isLate, lastOnTimeDay, monthLabel, monthOf, reportDueAt, type Month } from './report-deadline.ts';
import {
  ACTION_PARTY,
  availableActions,
  describeAllowed,
  IMPLEMENTATION_STATUS_LABELS,
  nextStatus,
  REPORT_ACTION_LABELS,
  REPORT_STATUS_LABELS,
  type ReportAction,
  type ReportParty,
  type ReportStatus,
} from './report-status.ts';
import { responsibleUnit, type ResolvedUnit } from './unit-succession.ts';

export interface PlanServiceDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  sender: MessageSender;
  figureProviders: readonly FigureProvider[];
  documentSettings?: DocumentSettings;
}

/** Reports due within this many days get a "due soon" reminder (issue #6). */
export const DUE_SOON_DAYS = 3;
/** Model deadlines within this many days get a "deadline approaching" reminder. */
export const MODEL_DEADLINE_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

const READ_ALL_ROLES: readonly Role[] = ['working_group_secretary', 'leader', 'admin'];

type Scope = { kind: 'all' } | { kind: 'unit'; unitId: string };

interface PlanSnapshot {
  units: Map<string, UnitRow>;
  successions: SuccessionRow[];
  groups: repo.GroupRow[];
  models: ModelRow[];
  modelByNumber: Map<number, ModelRow>;
  leads: Map<number, LeadRow[]>;
}

export interface ReportHistoryView {
  report: Report;
  actions: ReturnType<typeof actionView>[];
}

export interface NotificationView {
  id: number;
  audience: string;
  unit: ReturnType<typeof unitRef>;
  period: string;
  kind: string;
  modelNumbers: number[];
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  createdAt: string;
  readAt: string | null;
  emailStatus: string;
}

export interface ReminderRunResult {
  at: string;
  notificationsCreated: number;
  emailsSent: number;
  emailsFailed: number;
}

export interface FileResult {
  filename: string;
  contentType: string;
  body: Buffer;
}

function unitRef(unit: UnitRow) {
  return { id: unit.id, name: { vi: unit.name_vi, en: unit.name_en }, shortName: { vi: unit.short_name_vi, en: unit.short_name_en } };
}

function actionView(row: ReportActionRow) {
  const content = row.content as Partial<ReportContent>;
  return {
    seq: row.seq,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorId: row.actor_id,
    actorRoles: row.actor_roles,
    actorUnit: row.actor_unit,
    at: row.at.toISOString(),
    comment: row.comment,
    content: {
      implementationStatus: content.implementationStatus ?? null,
      progressPercent: content.progressPercent ?? null,
      results: content.results ?? '',
      figures: content.figures ?? [],
      difficulties: content.difficulties ?? '',
      proposals: content.proposals ?? '',
    },
  };
}

function deadlineView(model: ModelRow) {
  return {
    text: model.deadline_text,
    corrected: model.deadline_corrected,
    correctionNote: model.deadline_note_vi ? { vi: model.deadline_note_vi, en: model.deadline_note_en ?? '' } : null,
    kind: model.deadline_kind,
    date: model.deadline_date,
    continuing: model.deadline_continuing,
  };
}

function toolsView(model: ModelRow) {
  return model.tools.map((key) => ({ key, label: TOOLS[key as ToolKey] ?? { vi: key, en: key } }));
}

function contentOf(row: ReportRow): ReportContent {
  return {
    implementationStatus: row.implementation_status,
    progressPercent: row.progress_percent,
    results: row.results,
    figures: row.figures,
    difficulties: row.difficulties,
    proposals: row.proposals,
  };
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

export function createPlanService(deps: PlanServiceDeps) {
  const { db, clock, logger, sender } = deps;
  const providers = deps.figureProviders;
  const settings = deps.documentSettings ?? DEFAULT_DOCUMENT_SETTINGS;
  checkProviders(providers, PLAN_MODELS.length);

  let seeding: Promise<void> | undefined;
  /** Upserts the plan's own data (idempotent); the module's `prepare` runs it before any route serves. */
  function ready(): Promise<void> {
    seeding ??= repo.seedPlanData(db).catch((error: unknown) => {
      seeding = undefined;
      throw error;
    });
    return seeding;
  }

  async function loadPlan(q: Queryable = db): Promise<PlanSnapshot> {
    const [units, successions, groups, models, leads] = await Promise.all([repo.listUnits(q), repo.listSuccessions(q), repo.listGroups(q), repo.listModels(q), repo.listLeads(q)]);
    const leadMap = new Map<number, LeadRow[]>();
    for (const lead of leads) leadMap.set(lead.model_number, [...(leadMap.get(lead.model_number) ?? []), lead]);
    return {
      units: new Map(units.map((unit) => [unit.id, unit])),
      successions,
      groups,
      models,
      modelByNumber: new Map(models.map((model) => [model.number, model])),
      leads: leadMap,
    };
  }

  function responsible(plan: PlanSnapshot, modelNumber: number, month: Month): ResolvedUnit | undefined {
    const assignments = (plan.leads.get(modelNumber) ?? []).map((lead) => ({ unitId: lead.unit_id, validFrom: lead.valid_from }));
    const links = plan.successions.map((link) => ({
      predecessorId: link.predecessor_id,
      successorId: link.successor_id,
      effectiveOn: link.effective_on,
      kind: link.kind,
      confirmed: link.confirmed,
    }));
    return responsibleUnit(assignments, links, month);
  }

  /** The unit leading a model in a month; every model has the plan's assignment from August 2023 (seeded). */
  function leadUnitOf(plan: PlanSnapshot, modelNumber: number, month: Month): UnitRow {
    const unitId = responsible(plan, modelNumber, month)?.unitId ?? plan.leads.get(modelNumber)?.[0]?.unit_id;
    if (!unitId) throw new Error(`model ${modelNumber} has no lead assignment`);
    return unitOf(plan, unitId);
  }

  function unitOf(plan: PlanSnapshot, unitId: string): UnitRow {
    const unit = plan.units.get(unitId);
    if (!unit) throw new Error(`unit ${unitId} is referenced but missing`);
    return unit;
  }

  function modelOf(plan: PlanSnapshot, number: number): ModelRow {
    const model = plan.modelByNumber.get(number);
    if (!model) throw new DomainError(PlanErrors.PLAN_MODEL_NOT_FOUND, { number });
    return model;
  }

  function scopeOf(actor: Actor): Scope {
    if (actor.roles.some((role) => READ_ALL_ROLES.includes(role))) return { kind: 'all' };
    if (actor.roles.includes('unit_reporter')) {
      if (!actor.unitId) throw new DomainError(PlanErrors.PLAN_NO_UNIT);
      return { kind: 'unit', unitId: actor.unitId };
    }
    throw new DomainError(KernelErrors.FORBIDDEN);
  }

  function canRead(scope: Scope, unitId: string): boolean {
    return scope.kind === 'all' || scope.unitId === unitId;
  }

  function partiesOf(actor: Actor, unitId: string): ReportParty[] {
    const parties: ReportParty[] = [];
    if (actor.roles.includes('unit_reporter') && actor.unitId === unitId) parties.push('unit');
    if (actor.roles.includes('working_group_secretary')) parties.push('standing_agency');
    return parties;
  }

  function currentMonth(): Month {
    return monthOf(clock.now());
  }

  /** The month whose reports fall due this month (section V.3): the previous one. */
  function reportingMonth(): Month {
    return addMonths(currentMonth(), -1);
  }

  function checkMonth(month: Month): void {
    if (compareMonths(month, PLAN_FIRST_MONTH) < 0) throw new DomainError(PlanErrors.PLAN_MONTH_OUT_OF_RANGE, { month });
    if (compareMonths(month, currentMonth()) > 0) throw new DomainError(PlanErrors.PLAN_MONTH_NOT_STARTED, { month });
  }

  function reportView(model: ModelRow, month: Month, unit: UnitRow, row: ReportRow | undefined, actor: Actor, prefill: ReportFigure[]): Report {
    const status: ReportStatus = row && row.version > 0 ? row.status : 'not_started';
    const actions = partiesOf(actor, unit.id).flatMap((party) => availableActions(status, party));
    return {
      id: row?.id ?? null,
      modelNumber: model.number,
      modelTitle: { vi: model.title_vi, en: model.title_en },
      month,
      unit: unitRef(unit),
      status,
      statusLabel: REPORT_STATUS_LABELS[status],
      implementationStatus: row?.implementation_status ?? null,
      implementationLabel: row?.implementation_status ? IMPLEMENTATION_STATUS_LABELS[row.implementation_status] : null,
      progressPercent: row?.progress_percent ?? null,
      results: row?.results ?? '',
      figures: row ? row.figures : prefill,
      difficulties: row?.difficulties ?? '',
      proposals: row?.proposals ?? '',
      dueAt: reportDueAt(month).toISOString(),
      lastOnTimeDay: lastOnTimeDay(month),
      firstSubmittedAt: row?.first_submitted_at?.toISOString() ?? null,
      submittedAt: row?.submitted_at?.toISOString() ?? null,
      late: row?.late ?? false,
      returnComment: row?.return_comment ?? null,
      version: row?.version ?? 0,
      updatedAt: row ? row.updated_at.toISOString() : null,
      availableActions: actions,
    };
  }

  /** Loads a report the actor may read, or a blank one for the responsible unit; anything else is 404. */
  async function readableReport(actor: Actor, month: Month, number: number) {
    checkMonth(month);
    const scope = scopeOf(actor);
    const plan = await loadPlan();
    const model = modelOf(plan, number);
    const row = await repo.findReport(db, number, month);
    const unitId = row?.unit_id ?? responsible(plan, number, month)?.unitId;
    if (!unitId || !canRead(scope, unitId)) throw new DomainError(PlanErrors.PLAN_REPORT_NOT_FOUND, { month, number });
    return { model, row, unit: unitOf(plan, unitId) };
  }

  async function getReport(actor: Actor, month: Month, number: number): Promise<Report> {
    const { model, row, unit } = await readableReport(actor, month, number);
    const prefill = row ? [] : prefillFigures(await computeFigures(providers, number, month));
    return reportView(model, month, unit, row, actor, prefill);
  }

  async function reportHistory(actor: Actor, month: Month, number: number): Promise<ReportHistoryView> {
    const { model, row, unit } = await readableReport(actor, month, number);
    const actions = row ? await repo.listReportActions(db, [row.id]) : [];
    return { report: reportView(model, month, unit, row, actor, []), actions: actions.map(actionView) };
  }

  type ActionInput = { requestId: string; content?: Omit<DraftBody, 'requestId'>; comment?: string | undefined };

  async function act(actor: Actor, month: Month, number: number, action: ReportAction, input: ActionInput): Promise<Report> {
    checkMonth(month);
    const party = ACTION_PARTY[action];
    if (party === 'unit' && !actor.unitId) throw new DomainError(PlanErrors.PLAN_NO_UNIT);
    const plan = await loadPlan();
    const model = modelOf(plan, number);
    const resolved = responsible(plan, number, month);
    if (!resolved) throw new DomainError(PlanErrors.PLAN_MONTH_OUT_OF_RANGE, { month });
    // Live figures are computed outside the transaction: a provider reads other modules and may be slow.
    const live: LiveFigure[] = party === 'unit' ? await computeFigures(providers, number, month) : [];
    const now = clock.now();

    const replay = async (earlier: ReportActionRow): Promise<Report> => {
      const report = await repo.findReportById(db, earlier.report_id);
      if (!report || report.model_number !== number || report.month !== month || earlier.action !== action || earlier.actor_id !== actor.id) {
        throw new DomainError(PlanErrors.PLAN_REQUEST_ID_REUSED);
      }
      return reportView(model, month, unitOf(plan, report.unit_id), report, actor, []);
    };

    try {
      const outcome = await db.transaction(async (tx): Promise<{ replayOf: ReportActionRow } | { report: Report }> => {
        const earlier = await repo.findActionByRequest(tx, input.requestId);
        if (earlier) return { replayOf: earlier };
        let row = await repo.findReport(tx, number, month, { forUpdate: true });
        if (!row) {
          // Only the responsible unit starts a report; for anyone else it does not exist.
          if (party !== 'unit' || resolved.unitId !== actor.unitId) throw new DomainError(PlanErrors.PLAN_REPORT_NOT_FOUND, { month, number });
          await repo.createReportShell(tx, { modelNumber: number, month, unitId: resolved.unitId, dueAt: reportDueAt(month), figures: prefillFigures(live), at: now });
          row = await repo.findReport(tx, number, month, { forUpdate: true });
          if (!row) throw new Error('report row vanished after creation');
        }
        const again = await repo.findActionByRequest(tx, input.requestId);
        if (again) return { replayOf: again };
        if (party === 'unit' && row.unit_id !== actor.unitId) throw new DomainError(PlanErrors.PLAN_REPORT_NOT_FOUND, { month, number });
        if (party === 'standing_agency' && !actor.roles.includes('working_group_secretary')) {
          throw new DomainError(PlanErrors.PLAN_NOT_YOUR_ACTION, { action: REPORT_ACTION_LABELS[action].vi, party: 'Cơ quan Thường trực Tổ công tác' });
        }

        const from: ReportStatus = row.version === 0 ? 'not_started' : row.status;
        const to = nextStatus(from, action);
        if (!to) {
          throw new DomainError(PlanErrors.PLAN_ACTION_NOT_ALLOWED, {
            status: REPORT_STATUS_LABELS[from].vi,
            statusEn: REPORT_STATUS_LABELS[from].en,
            allowedVi: describeAllowed(from, 'vi'),
            allowedEn: describeAllowed(from, 'en'),
          });
        }
        let content = contentOf(row);
        if (input.content) {
          try {
            content = applyInput(content, input.content, live);
          } catch (error) {
            if (error instanceof FigureLabelMissing) throw new DomainError(PlanErrors.PLAN_REPORT_INCOMPLETE, { fields: `figures[${error.key}].label, unit` });
            throw error;
          }
        }
        if (action === 'submit') {
          const missing = missingForSubmission(content);
          if (missing.length > 0) throw new DomainError(PlanErrors.PLAN_REPORT_INCOMPLETE, { fields: missing.join(', ') }, { missing });
        }
        const firstSubmittedAt = row.first_submitted_at ?? (action === 'submit' ? now : null);
        const state = {
          status: to as Exclude<ReportStatus, 'not_started'>,
          implementation_status: content.implementationStatus,
          progress_percent: content.progressPercent,
          results: content.results,
          figures: content.figures,
          difficulties: content.difficulties,
          proposals: content.proposals,
          first_submitted_at: firstSubmittedAt,
          submitted_at: action === 'submit' ? now : row.submitted_at,
          late: firstSubmittedAt ? isLate(firstSubmittedAt, month) : false,
          return_comment: action === 'return' ? (input.comment ?? null) : row.return_comment,
          version: row.version + 1,
          updated_at: now,
        };
        await repo.updateReport(tx, row.id, state);
        await repo.insertReportAction(tx, {
          report_id: row.id,
          seq: row.version + 1,
          action,
          from_status: from,
          to_status: to,
          actor_id: actor.id,
          actor_roles: actor.roles.join(','),
          actor_unit: actor.unitId ?? null,
          at: now,
          comment: input.comment ?? null,
          content: { ...content },
          request_id: input.requestId,
        });
        if (action !== 'save_draft') {
          await publish(tx, `plan.report.${action === 'submit' ? 'submitted' : action === 'return' ? 'returned' : 'accepted'}`, {
            reportId: row.id,
            modelNumber: number,
            month,
            unitId: row.unit_id,
            late: state.late,
          }, row.id);
        }
        const updated = { ...row, ...state };
        return { report: reportView(model, month, unitOf(plan, row.unit_id), updated, actor, []) };
      });
      return 'replayOf' in outcome ? replay(outcome.replayOf) : outcome.report;
    } catch (error) {
      if (repo.violatedConstraint(error) === 'report_action_request_uq') {
        const earlier = await repo.findActionByRequest(db, input.requestId);
        if (earlier) return replay(earlier);
      }
      throw error;
    }
  }

  function latestReported(rows: ReportRow[]): Map<number, ReportRow> {
    const latest = new Map<number, ReportRow>();
    for (const row of rows) {
      if (row.status !== 'submitted' && row.status !== 'accepted') continue;
      const seen = latest.get(row.model_number);
      if (!seen || compareMonths(row.month, seen.month) > 0) latest.set(row.model_number, row);
    }
    return latest;
  }

  function modelSummary(plan: PlanSnapshot, model: ModelRow, month: Month, scope: Scope, statusRow: ReportRow | undefined): ModelSummary {
    const resolved = responsible(plan, model.number, month);
    const lead = leadUnitOf(plan, model.number, month);
    const visible = statusRow ? canRead(scope, statusRow.unit_id) : canRead(scope, lead.id);
    return {
      number: model.number,
      group: model.group_number,
      section: model.section,
      title: { vi: model.title_vi, en: model.title_en },
      leadUnit: unitRef(lead),
      awaitingReassignment: resolved?.awaitingReassignment ?? false,
      pilot2023: model.pilot_2023,
      deadline: deadlineView(model),
      tools: toolsView(model),
      hasLiveFigures: providersFor(providers, model.number).length > 0,
      status:
        statusRow && visible
          ? {
              month: statusRow.month,
              reportStatus: statusRow.status,
              implementationStatus: statusRow.implementation_status,
              progressPercent: statusRow.progress_percent,
              late: statusRow.late,
            }
          : null,
      statusVisible: visible,
    };
  }

  function leadHistory(plan: PlanSnapshot, number: number) {
    return (plan.leads.get(number) ?? []).map((lead) => ({
      unit: unitRef(unitOf(plan, lead.unit_id)),
      validFrom: lead.valid_from,
      basis: lead.basis,
      note: lead.note,
      recordedAt: lead.recorded_at.toISOString(),
      recordedBy: lead.recorded_by,
    }));
  }

  function figureBinding(number: number) {
    const live = providersFor(providers, number);
    const planned = plannedFiguresFor(providers, number);
    const plannedNames = planned.map((figure) => figure.label.vi).join('; ');
    return {
      hasLiveFigures: live.length > 0,
      note:
        live.length > 0
          ? { vi: 'Số liệu được tính trực tiếp từ các phân hệ của DA06 và điền sẵn vào báo cáo tháng.', en: 'Figures are computed live by DA06’s modules and prefill the monthly report.' }
          : {
              vi: `Mô hình này chưa có số liệu trực tiếp${plannedNames ? ` (dự kiến: ${plannedNames})` : ''}; đơn vị nhập số liệu trong báo cáo.`,
              en: `This model has no live figure yet${planned.length ? ` (planned: ${planned.map((figure) => figure.label.en).join('; ')})` : ''}; the unit types its figures in the report.`,
            },
      live: live.map((provider) => ({ key: provider.key, label: provider.label, unit: provider.unit })),
      planned: planned.map((figure) => ({ key: figure.key, label: figure.label, unit: figure.unit, module: figure.module })),
    };
  }

  function unitView(unit: UnitRow, successions: SuccessionRow[]): Unit {
    const link = (row: SuccessionRow, unitId: string) => ({ unitId, effectiveOn: row.effective_on, kind: row.kind, confirmed: row.confirmed, note: { vi: row.note_vi, en: row.note_en } });
    return {
      id: unit.id,
      name: { vi: unit.name_vi, en: unit.name_en },
      shortName: { vi: unit.short_name_vi, en: unit.short_name_en },
      kind: unit.kind,
      standingAgency: unit.standing_agency,
      email: unit.email,
      validFrom: unit.valid_from,
      validTo: unit.valid_to,
      source: unit.source,
      successors: successions.filter((row) => row.predecessor_id === unit.id).map((row) => link(row, row.successor_id)),
      predecessors: successions.filter((row) => row.successor_id === unit.id).map((row) => link(row, row.predecessor_id)),
    };
  }

  async function submissions(month: Month, loaded?: PlanSnapshot): Promise<Submissions> {
    checkMonth(month);
    const plan = loaded ?? (await loadPlan());
    const reports = new Map((await repo.listReports(db, { month })).map((row) => [row.model_number, row]));
    const pastDue = clock.now().getTime() >= reportDueAt(month).getTime();
    const zero = () => ({ expected: 0, submitted: 0, onTime: 0, late: 0, accepted: 0, returned: 0, draft: 0, missing: 0 });
    const totals = zero();
    const units = new Map<string, ReturnType<typeof zero> & { unit: UnitRow; missingModels: number[]; lateModels: number[] }>();
    const models: Submissions['models'] = [];
    for (const model of plan.models) {
      const row = reports.get(model.number);
      const unitId = row?.unit_id ?? responsible(plan, model.number, month)?.unitId;
      if (!unitId) continue;
      const entry = units.get(unitId) ?? { ...zero(), unit: unitOf(plan, unitId), missingModels: [], lateModels: [] };
      units.set(unitId, entry);
      const status: ReportStatus = row?.status ?? 'not_started';
      for (const counts of [entry, totals]) {
        counts.expected += 1;
        if (status === 'submitted' || status === 'accepted') {
          counts.submitted += 1;
          if (row?.late) counts.late += 1;
          else counts.onTime += 1;
          if (status === 'accepted') counts.accepted += 1;
        } else if (status === 'returned') counts.returned += 1;
        else if (status === 'draft') counts.draft += 1;
        else counts.missing += 1;
      }
      const submitted = status === 'submitted' || status === 'accepted';
      if (!submitted) entry.missingModels.push(model.number);
      if ((submitted && row?.late) || (!submitted && pastDue)) entry.lateModels.push(model.number);
      models.push({ number: model.number, unitId, status, late: row?.late ?? (!submitted && pastDue), submittedAt: row?.submitted_at?.toISOString() ?? null });
    }
    return {
      month,
      dueAt: reportDueAt(month).toISOString(),
      lastOnTimeDay: lastOnTimeDay(month),
      pastDue,
      totals,
      units: [...units.values()]
        .sort((a, b) => b.expected - a.expected || a.unit.name_vi.localeCompare(b.unit.name_vi, 'vi'))
        .map(({ unit, ...counts }) => ({
          unit: unitRef(unit),
          ...counts,
          reported: counts.submitted === counts.expected,
          isLate: counts.lateModels.length > 0,
        })),
      models,
    };
  }

  function consolidationView(row: ConsolidationRow): Consolidation {
    const content = row.content as ConsolidatedContent;
    return {
      id: row.id,
      month: row.month,
      documentNumber: `${row.number}/${row.symbol}`,
      number: row.number,
      symbol: row.symbol,
      issuedOn: row.issued_on,
      signerName: row.signer_name,
      signerTitle: row.signer_title,
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
      totals: {
        models: content.totals.models,
        reported: content.totals.reported,
        onTime: content.totals.onTime,
        late: content.totals.late,
        returned: content.totals.returned,
        missing: content.totals.missing,
      },
      links: { pdf: `/api/v1/plan/consolidations/${row.id}/pdf`, xlsx: `/api/v1/plan/consolidations/${row.id}/xlsx` },
    };
  }

  async function consolidate(actor: Actor, body: ConsolidationBody): Promise<Consolidation> {
    checkMonth(body.month);
    const earlier = await repo.findConsolidationByRequest(db, body.requestId);
    if (earlier) {
      if (earlier.month !== body.month || earlier.created_by !== actor.id) throw new DomainError(PlanErrors.PLAN_REQUEST_ID_REUSED);
      return consolidationView(earlier);
    }
    const plan = await loadPlan();
    const reports = await repo.listReports(db, { month: body.month });
    const now = clock.now();
    const issuedOn = vietnamDate(now);
    const year = Number(issuedOn.slice(0, 4));
    const byModel = new Map(reports.map((row) => [row.model_number, row]));
    try {
      const row = await db.transaction(async (tx) => {
        let number = body.number;
        if (number !== undefined) {
          if (await repo.documentNumberTaken(tx, year, settings.symbol, number)) {
            throw new DomainError(PlanErrors.PLAN_DOCUMENT_NUMBER_TAKEN, { number, symbol: settings.symbol, year });
          }
        } else {
          number = await repo.nextDocumentNumber(tx, year, settings.symbol);
        }
        const signerTitle = body.signerTitle?.normalize('NFC').trim() || settings.defaultSignerTitle;
        const signerName = body.signerName?.normalize('NFC').trim() ?? '';
        const content = buildConsolidatedContent({
          month: body.month,
          generatedAt: now,
          issuedOn,
          number,
          settings,
          signerName,
          signerTitle,
          recipients: body.recipients?.map((line) => line.normalize('NFC').trim()) ?? settings.recipients,
          groups: plan.groups.map((group) => ({ number: group.number, title: group.title_vi, declaredModels: group.declared_models })),
          models: plan.models.flatMap((model) => {
            const unitId = byModel.get(model.number)?.unit_id ?? responsible(plan, model.number, body.month)?.unitId;
            if (!unitId) return [];
            const unit = unitOf(plan, unitId);
            return [{ number: model.number, group: model.group_number, section: model.section, title: model.title_vi, pilot: model.pilot_2023, deadlineText: model.deadline_corrected ?? model.deadline_text, unit: { id: unit.id, name: unit.name_vi, shortName: unit.short_name_vi } }];
          }),
          reports: reports.map((report) => ({
            modelNumber: report.model_number,
            status: report.status,
            implementationStatus: report.implementation_status,
            progressPercent: report.progress_percent,
            results: report.results,
            figures: report.figures,
            difficulties: report.difficulties,
            proposals: report.proposals,
            late: report.late,
            submittedAt: report.submitted_at,
          })),
        });
        const inserted = await repo.insertConsolidation(tx, {
          month: body.month,
          year,
          number,
          symbol: settings.symbol,
          issued_on: issuedOn,
          signer_name: signerName,
          signer_title: signerTitle,
          content,
          created_by: actor.id,
          created_at: now,
          request_id: body.requestId,
        });
        await publish(tx, 'plan.consolidation.issued', { consolidationId: inserted.id, month: body.month, documentNumber: content.document.documentNumber }, inserted.id);
        return inserted;
      });
      return consolidationView(row);
    } catch (error) {
      if (repo.violatedConstraint(error) === 'consolidation_request_uq') {
        const winner = await repo.findConsolidationByRequest(db, body.requestId);
        if (winner) return consolidationView(winner);
      }
      if (repo.violatedConstraint(error) === 'consolidation_number_uq') {
        throw new DomainError(PlanErrors.PLAN_DOCUMENT_NUMBER_TAKEN, { number: body.number ?? 0, symbol: settings.symbol, year });
      }
      throw error;
    }
  }

  async function consolidationFile(id: string, format: 'pdf' | 'xlsx'): Promise<FileResult> {
    const row = await repo.findConsolidation(db, id);
    if (!row) throw new DomainError(PlanErrors.PLAN_CONSOLIDATION_NOT_FOUND);
    const content = row.content as ConsolidatedContent;
    const base = `bao-cao-de-an-06-thang-${row.month}-so-${row.number}`;
    if (format === 'pdf') return { filename: `${base}.pdf`, contentType: 'application/pdf', body: await renderConsolidatedPdf(content) };
    return { filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await renderConsolidatedXlsx(content) };
  }

  function notificationView(plan: PlanSnapshot, row: NotificationRow): NotificationView {
    return {
      id: row.id,
      audience: row.audience,
      unit: unitRef(unitOf(plan, row.unit_id)),
      period: row.period,
      kind: row.kind,
      modelNumbers: row.model_numbers,
      title: { vi: row.title_vi, en: row.title_en },
      body: { vi: row.body_vi, en: row.body_en },
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at?.toISOString() ?? null,
      emailStatus: row.email_status,
    };
  }

  /** Which reminders an actor sees: the standing agency's, or its own unit's; administrators see all. */
  function notificationFilter(actor: Actor): { audience?: 'unit' | 'standing_agency'; unitId?: string } {
    if (actor.roles.includes('admin')) return {};
    if (actor.roles.includes('working_group_secretary')) return { audience: 'standing_agency' };
    if (actor.roles.includes('unit_reporter')) {
      if (!actor.unitId) throw new DomainError(PlanErrors.PLAN_NO_UNIT);
      return { audience: 'unit', unitId: actor.unitId };
    }
    throw new DomainError(KernelErrors.FORBIDDEN);
  }

  function reminderText(kind: NotificationKind, unit: UnitRow, period: string, items: Array<{ number: number; due?: string | null }>) {
    const list = items.map((item) => item.number).join(', ');
    const withDue = items.map((item) => (item.due ? `${item.number} (hạn ${shortDate(item.due)})` : String(item.number))).join(', ');
    const withDueEn = items.map((item) => (item.due ? `${item.number} (due ${shortDate(item.due)})` : String(item.number))).join(', ');
    switch (kind) {
      case 'report_due_soon':
      case 'report_overdue': {
        const last = shortDate(lastOnTimeDay(period));
        const overdue = kind === 'report_overdue';
        return {
          title_vi: `${overdue ? 'Quá hạn' : 'Sắp đến hạn'} báo cáo tháng ${monthLabel(period)}`,
          title_en: `Report for ${period} ${overdue ? 'overdue' : 'due soon'}`,
          body_vi:
            `${unit.name_vi} chưa nộp báo cáo tháng ${monthLabel(period)} của mô hình ${list}. ` +
            `${overdue ? 'Đã quá hạn' : 'Hạn nộp'}: hết ngày ${last} (mục V.3 Kế hoạch: báo cáo về Cơ quan Thường trực Tổ công tác trước ngày 12 hàng tháng).`,
          body_en:
            `${unit.name_en} has not submitted the ${period} report for model ${list}. ` +
            `${overdue ? 'It was due' : 'Due'} by the end of ${last} (plan section V.3: reports reach the standing agency before the 12th of every month).`,
        };
      }
      case 'model_deadline_soon':
        return {
          title_vi: 'Mô hình sắp đến hạn hoàn thành',
          title_en: 'Model deadline approaching',
          body_vi: `Mô hình ${withDue} do ${unit.name_vi} chủ trì sắp đến hạn hoàn thành theo Kế hoạch.`,
          body_en: `Model ${withDueEn}, led by ${unit.name_en}, is close to its deadline in the plan.`,
        };
      case 'model_overdue':
        return {
          title_vi: 'Mô hình quá hạn hoàn thành',
          title_en: 'Model past its deadline',
          body_vi: `Mô hình ${withDue} do ${unit.name_vi} chủ trì đã quá thời hạn hoàn thành theo Kế hoạch nhưng chưa được báo cáo hoàn thành.`,
          body_en: `Model ${withDueEn}, led by ${unit.name_en}, is past its deadline in the plan and not reported completed.`,
        };
    }
  }

  async function runReminders(at?: Date): Promise<ReminderRunResult> {
    const now = at ?? clock.now();
    const plan = await loadPlan();
    const standingAgency = [...plan.units.values()].find((unit) => unit.standing_agency && unit.valid_to === null);
    const today = vietnamDate(now);
    const thisMonth = monthOf(now);
    const pending: Array<{ kind: NotificationKind; unit: UnitRow; period: string; items: Array<{ number: number; due?: string | null }> }> = [];

    // Monthly reports: the month due this month, and the one before if still missing (section V.3).
    for (const month of [addMonths(thisMonth, -2), addMonths(thisMonth, -1)]) {
      if (compareMonths(month, PLAN_FIRST_MONTH) < 0) continue;
      const dueAt = reportDueAt(month).getTime();
      const kind: NotificationKind | undefined = now.getTime() >= dueAt ? 'report_overdue' : dueAt - now.getTime() <= DUE_SOON_DAYS * DAY_MS ? 'report_due_soon' : undefined;
      if (!kind) continue;
      const rows = new Map((await repo.listReports(db, { month })).map((row) => [row.model_number, row]));
      const byUnit = new Map<string, number[]>();
      for (const model of plan.models) {
        const row = rows.get(model.number);
        if (row && (row.status === 'submitted' || row.status === 'accepted')) continue;
        const unitId = row?.unit_id ?? responsible(plan, model.number, month)?.unitId;
        if (unitId) byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), model.number]);
      }
      for (const [unitId, numbers] of byUnit) pending.push({ kind, unit: unitOf(plan, unitId), period: month, items: numbers.map((number) => ({ number })) });
    }

    // Model deadlines of the plan (section III): approaching, or passed without a completed report.
    const latest = latestReported(await repo.listReports(db, {}));
    const modelsByUnit = new Map<string, { soon: Array<{ number: number; due: string }>; overdue: Array<{ number: number; due: string }> }>();
    for (const model of plan.models) {
      if (!model.deadline_date || latest.get(model.number)?.implementation_status === 'completed') continue;
      const unitId = responsible(plan, model.number, thisMonth)?.unitId;
      if (!unitId) continue;
      const entry = modelsByUnit.get(unitId) ?? { soon: [], overdue: [] };
      modelsByUnit.set(unitId, entry);
      const daysLeft = daysBetween(today, model.deadline_date);
      if (daysLeft < 0) entry.overdue.push({ number: model.number, due: model.deadline_date });
      else if (daysLeft <= MODEL_DEADLINE_SOON_DAYS) entry.soon.push({ number: model.number, due: model.deadline_date });
    }
    for (const [unitId, entry] of modelsByUnit) {
      if (entry.soon.length > 0) pending.push({ kind: 'model_deadline_soon', unit: unitOf(plan, unitId), period: thisMonth, items: entry.soon });
      if (entry.overdue.length > 0) pending.push({ kind: 'model_overdue', unit: unitOf(plan, unitId), period: thisMonth, items: entry.overdue });
    }

    const created = await db.transaction(async (tx) => {
      let count = 0;
      for (const item of pending) {
        const text = reminderText(item.kind, item.unit, item.period, item.items);
        for (const audience of ['unit', 'standing_agency'] as const) {
          const emailTo = audience === 'unit' ? item.unit.email : (standingAgency?.email ?? null);
          const row = await repo.insertNotificationOnce(tx, {
            audience,
            unit_id: item.unit.id,
            period: item.period,
            kind: item.kind,
            model_numbers: item.items.map((entry) => entry.number),
            ...text,
            created_at: now,
            email_to: emailTo,
            email_status: emailTo ? 'pending' : 'none',
          });
          if (row) count += 1;
        }
      }
      return count;
    });

    // E-mails after the commit: a reminder exists even if the mail relay is down; a failed one is retried next run.
    let sent = 0;
    let failed = 0;
    await db.transaction(async (tx) => {
      for (const row of await repo.claimNotificationsAwaitingEmail(tx, 200)) {
        try {
          await sender.send({
            channel: 'email',
            to: row.email_to!,
            subject: `[DA06] ${row.title_vi}`,
            body: `${row.body_vi}\n\n— DA06, Tổ công tác Đề án 06\n\n${row.body_en}`,
            kind: 'plan.reminder',
          });
          await repo.setEmailStatus(tx, row.id, 'sent', now);
          sent += 1;
        } catch (error) {
          logger.warn({ err: error, notificationId: row.id }, 'plan reminder e-mail failed');
          await repo.setEmailStatus(tx, row.id, 'failed', now);
          failed += 1;
        }
      }
    });
    return { at: now.toISOString(), notificationsCreated: created, emailsSent: sent, emailsFailed: failed };
  }

  /** Replays an administrator's change with the same requestId, or refuses a requestId used for something else. */
  async function adminReplay(actor: Actor, requestId: string, entity: string, entityId: string): Promise<boolean> {
    const earlier = await repo.findChangeByRequest(db, requestId);
    if (!earlier) return false;
    if (earlier.entity !== entity || earlier.entity_id !== entityId || earlier.actor_id !== actor.id) throw new DomainError(PlanErrors.PLAN_REQUEST_ID_REUSED);
    return true;
  }

  async function adminChange(requestId: string, work: (tx: Queryable) => Promise<void>): Promise<void> {
    try {
      await db.transaction(work);
    } catch (error) {
      const constraint = repo.violatedConstraint(error);
      if (constraint && repo.REQUEST_ID_CONSTRAINTS.has(constraint) && (await repo.findChangeByRequest(db, requestId))) return;
      throw error;
    }
  }

  async function unitById(id: string): Promise<Unit> {
    const plan = await loadPlan();
    const unit = plan.units.get(id);
    if (!unit) throw new DomainError(PlanErrors.PLAN_UNIT_NOT_FOUND, { unitId: id });
    return unitView(unit, plan.successions);
  }

  const service = {
    ready,

    async listGroups(): Promise<Group[]> {
      const plan = await loadPlan();
      return plan.groups.map((group) => ({
        number: group.number,
        section: group.section,
        title: { vi: group.title_vi, en: group.title_en },
        declaredModels: group.declared_models,
        modelCount: plan.models.filter((model) => model.group_number === group.number).length,
      }));
    },

    async listUnits(): Promise<Unit[]> {
      const plan = await loadPlan();
      return [...plan.units.values()].map((unit) => unitView(unit, plan.successions));
    },

    async listModels(actor: Actor, month?: Month): Promise<ModelSummary[]> {
      if (month) checkMonth(month);
      const scope = scopeOf(actor);
      const plan = await loadPlan();
      const rows = await repo.listReports(db, month ? { month } : {});
      const byModel = month ? new Map(rows.map((row) => [row.model_number, row])) : latestReported(rows);
      const at = month ?? currentMonth();
      return plan.models.map((model) => modelSummary(plan, model, at, scope, byModel.get(model.number)));
    },

    async getModel(actor: Actor, number: number): Promise<ModelDetail> {
      const scope = scopeOf(actor);
      const plan = await loadPlan();
      const model = modelOf(plan, number);
      const latest = latestReported(await repo.listReports(db, { modelNumber: number })).get(number);
      return {
        ...modelSummary(plan, model, currentMonth(), scope, latest),
        goal: { vi: model.goal_vi, en: model.goal_en },
        force: model.force_vi,
        leadBasis: model.lead_basis,
        note: model.note_vi ? { vi: model.note_vi, en: model.note_en ?? '' } : null,
        coordinatingUnits: model.coordinator_ids.map((id) => unitRef(unitOf(plan, id))),
        figures: figureBinding(number),
        leads: leadHistory(plan, number),
      };
    },

    async modelFigures(_actor: Actor, number: number, month?: Month) {
      const at = month ?? currentMonth();
      checkMonth(at);
      const plan = await loadPlan();
      modelOf(plan, number);
      const binding = figureBinding(number);
      return { modelNumber: number, month: at, hasLiveFigures: binding.hasLiveFigures, note: binding.note, figures: await computeFigures(providers, number, at) };
    },

    async modelHistory(actor: Actor, number: number) {
      const scope = scopeOf(actor);
      const plan = await loadPlan();
      const model = modelOf(plan, number);
      const rows = (await repo.listReports(db, { modelNumber: number })).filter((row) => canRead(scope, row.unit_id));
      const actions = await repo.listReportActions(db, rows.map((row) => row.id));
      return {
        modelNumber: number,
        title: { vi: model.title_vi, en: model.title_en },
        leads: leadHistory(plan, number),
        reports: rows.map((row) => ({
          report: reportView(model, row.month, unitOf(plan, row.unit_id), row, actor, []),
          actions: actions.filter((action) => action.report_id === row.id).map(actionView),
        })),
      };
    },

    async listReports(actor: Actor, query: ReportQuery): Promise<{ items: Report[]; total: number }> {
      const scope = scopeOf(actor);
      if (scope.kind === 'unit' && query.unitId && query.unitId !== scope.unitId) return { items: [], total: 0 };
      const plan = await loadPlan();
      const rows = await repo.listReports(db, {
        month: query.month,
        unitId: scope.kind === 'unit' ? scope.unitId : query.unitId,
        modelNumber: query.modelNumber,
        status: query.status,
      });
      const items = rows.map((row) => reportView(modelOf(plan, row.model_number), row.month, unitOf(plan, row.unit_id), row, actor, []));
      return { items, total: items.length };
    },

    getReport,
    reportHistory,

    saveDraft: (actor: Actor, month: Month, number: number, body: DraftBody) => {
      const { requestId, ...content } = body;
      return act(actor, month, number, 'save_draft', { requestId, content });
    },

    submit: (actor: Actor, month: Month, number: number, body: DraftBody) => {
      const { requestId, ...content } = body;
      return act(actor, month, number, 'submit', { requestId, content });
    },

    returnReport: (actor: Actor, month: Month, number: number, body: ReturnBody) =>
      act(actor, month, number, 'return', { requestId: body.requestId, comment: body.comment.normalize('NFC').trim() }),

    acceptReport: (actor: Actor, month: Month, number: number, body: AcceptBody) =>
      act(actor, month, number, 'accept', { requestId: body.requestId, comment: body.comment?.normalize('NFC').trim() || undefined }),

    submissions: (month?: Month) => submissions(month ?? reportingMonth()),

    consolidate,

    async listConsolidations(month?: Month): Promise<Consolidation[]> {
      return (await repo.listConsolidations(db, month)).map(consolidationView);
    },

    consolidationFile,

    async overview(actor: Actor, month?: Month): Promise<Overview> {
      const at = month ?? reportingMonth();
      checkMonth(at);
      const plan = await loadPlan();
      const submitted = await submissions(at, plan);
      const rows = await repo.listReports(db, {});
      const monthRows = new Map(rows.filter((row) => row.month === at && (row.status === 'submitted' || row.status === 'accepted')).map((row) => [row.model_number, row]));
      const latest = latestReported(rows.filter((row) => compareMonths(row.month, at) <= 0));
      const zero = () => ({ completed: 0, in_progress: 0, blocked: 0, not_started: 0, not_reported: 0 });
      const bump = (counts: ReturnType<typeof zero>, row: ReportRow | undefined) => {
        counts[row?.implementation_status ?? 'not_reported'] += 1;
      };
      const byGroup = plan.groups.map((group) => {
        const models = plan.models.filter((model) => model.group_number === group.number);
        const counts = zero();
        const progress: number[] = [];
        for (const model of models) {
          const row = monthRows.get(model.number);
          bump(counts, row);
          if (row?.progress_percent !== null && row?.progress_percent !== undefined) progress.push(row.progress_percent);
        }
        return {
          number: group.number,
          title: { vi: group.title_vi, en: group.title_en },
          models: models.length,
          counts,
          averageProgress: progress.length > 0 ? Math.round((progress.reduce((sum, value) => sum + value, 0) / progress.length) * 10) / 10 : null,
        };
      });
      const byUnit = submitted.units.map((entry) => {
        const models = submitted.models.filter((model) => model.unitId === entry.unit.id).map((model) => model.number);
        const counts = zero();
        for (const number of models) bump(counts, monthRows.get(number));
        return { unit: entry.unit, models, counts, submitted: entry.submitted, late: entry.lateModels.length, missing: entry.expected - entry.submitted };
      });
      const today = vietnamDate(clock.now());
      const timeline = plan.models
        .map((model) => {
          const unit = leadUnitOf(plan, model.number, currentMonth());
          const done = latest.get(model.number)?.implementation_status === 'completed';
          const daysLeft = model.deadline_date ? daysBetween(today, model.deadline_date) : null;
          let state: string;
          if (done) state = 'done';
          else if (model.deadline_kind === 'recurring') state = 'recurring';
          else if (model.deadline_kind === 'relative') state = 'conditional';
          else if (daysLeft === null) state = 'unscheduled';
          else if (daysLeft < 0) state = 'overdue';
          else if (daysLeft <= MODEL_DEADLINE_SOON_DAYS) state = 'due_soon';
          else state = 'upcoming';
          return { modelNumber: model.number, title: { vi: model.title_vi, en: model.title_en }, unit: unitRef(unit), deadline: deadlineView(model), state, daysLeft };
        })
        .sort((a, b) => (a.deadline.date ?? '9999') .localeCompare(b.deadline.date ?? '9999') || a.modelNumber - b.modelNumber);
      // Leaders see what the standing agency has outstanding.
      const unread = await repo.countUnreadNotifications(db, actor.roles.includes('admin') ? {} : actor.roles.includes('working_group_secretary') || actor.roles.includes('leader') ? { audience: 'standing_agency' } : notificationFilter(actor));
      return {
        month: at,
        generatedAt: clock.now().toISOString(),
        reporting: {
          month: at,
          dueAt: submitted.dueAt,
          pastDue: submitted.pastDue,
          expected: submitted.totals.expected,
          submitted: submitted.totals.submitted,
          late: submitted.totals.late,
          missing: submitted.totals.expected - submitted.totals.submitted,
        },
        byGroup,
        byUnit,
        timeline,
        unreadNotifications: unread,
      };
    },

    async listNotifications(actor: Actor, query: { unread?: boolean | undefined; limit: number; offset: number }) {
      const filter = notificationFilter(actor);
      const plan = await loadPlan();
      const { rows, total } = await repo.listNotifications(db, { ...filter, unreadOnly: query.unread ?? false, limit: query.limit, offset: query.offset });
      return { items: rows.map((row) => notificationView(plan, row)), total };
    },

    async markNotificationRead(actor: Actor, id: number): Promise<NotificationView> {
      const filter = notificationFilter(actor);
      const plan = await loadPlan();
      const row = await repo.findNotification(db, id);
      if (!row || (filter.audience && row.audience !== filter.audience) || (filter.unitId && row.unit_id !== filter.unitId)) {
        throw new DomainError(PlanErrors.PLAN_NOTIFICATION_NOT_FOUND);
      }
      const updated = await repo.markNotificationRead(db, id, clock.now(), actor.id);
      return notificationView(plan, updated!);
    },

    runReminders,

    async createUnit(actor: Actor, body: UnitCreateBody): Promise<Unit> {
      if (await adminReplay(actor, body.requestId, 'unit', body.id)) return unitById(body.id);
      if (await repo.findUnit(db, body.id)) throw new DomainError(PlanErrors.PLAN_UNIT_EXISTS, { unitId: body.id });
      await adminChange(body.requestId, async (tx) => {
        await repo.insertUnit(tx, {
          id: body.id,
          name_vi: body.name.vi.normalize('NFC').trim(),
          name_en: body.name.en.trim(),
          short_name_vi: (body.shortName?.vi ?? body.name.vi).normalize('NFC').trim(),
          short_name_en: (body.shortName?.en ?? body.name.en).trim(),
          kind: body.kind,
          email: body.email ?? null,
          valid_from: body.validFrom,
          requestId: body.requestId,
        });
        await repo.insertChange(tx, { at: clock.now(), actorId: actor.id, entity: 'unit', entityId: body.id, change: 'create', details: { ...body, requestId: undefined }, requestId: body.requestId });
      });
      return unitById(body.id);
    },

    async updateUnit(actor: Actor, unitId: string, body: UnitUpdateBody): Promise<Unit> {
      if (await adminReplay(actor, body.requestId, 'unit', unitId)) return unitById(unitId);
      const before = await repo.findUnit(db, unitId);
      if (!before) throw new DomainError(PlanErrors.PLAN_UNIT_NOT_FOUND, { unitId });
      if (body.validTo && body.validTo < before.valid_from) throw new DomainError(PlanErrors.PLAN_SUCCESSION_INVALID, { reason: `validTo ${body.validTo} < validFrom ${before.valid_from}` });
      await adminChange(body.requestId, async (tx) => {
        await repo.updateUnit(tx, unitId, {
          email: body.email,
          name_vi: body.name?.vi.normalize('NFC').trim(),
          name_en: body.name?.en.trim(),
          short_name_vi: body.shortName?.vi.normalize('NFC').trim(),
          short_name_en: body.shortName?.en.trim(),
          valid_to: body.validTo,
        });
        await repo.insertChange(tx, {
          at: clock.now(),
          actorId: actor.id,
          entity: 'unit',
          entityId: unitId,
          change: 'update',
          details: { before: { email: before.email, name: before.name_vi, validTo: before.valid_to }, after: { ...body, requestId: undefined } },
          requestId: body.requestId,
        });
      });
      return unitById(unitId);
    },

    async recordSuccession(actor: Actor, predecessorId: string, body: SuccessionBody): Promise<Unit> {
      if (await adminReplay(actor, body.requestId, 'unit_succession', `${predecessorId}>${body.successorId}`)) return unitById(predecessorId);
      const predecessor = await repo.findUnit(db, predecessorId);
      if (!predecessor) throw new DomainError(PlanErrors.PLAN_UNIT_NOT_FOUND, { unitId: predecessorId });
      const successor = await repo.findUnit(db, body.successorId);
      if (!successor) throw new DomainError(PlanErrors.PLAN_UNIT_NOT_FOUND, { unitId: body.successorId });
      if (predecessorId === body.successorId) throw new DomainError(PlanErrors.PLAN_SUCCESSION_INVALID, { reason: 'một đơn vị không thể kế thừa chính nó / a unit cannot succeed itself' });
      if (body.effectiveOn <= predecessor.valid_from) {
        throw new DomainError(PlanErrors.PLAN_SUCCESSION_INVALID, { reason: `ngày hiệu lực phải sau ${predecessor.valid_from} / the date must be after ${predecessor.valid_from}` });
      }
      await adminChange(body.requestId, async (tx) => {
        await repo.upsertSuccession(tx, {
          predecessorId,
          successorId: body.successorId,
          effectiveOn: body.effectiveOn,
          kind: body.kind,
          noteVi: body.note?.vi.normalize('NFC').trim() ?? '',
          noteEn: body.note?.en.trim() ?? '',
          recordedBy: actor.id,
          requestId: body.requestId,
        });
        // A unit that hands everything over ends the day before; a split unit too (its models are reassigned).
        const lastDay = new Date(Date.parse(`${body.effectiveOn}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
        if (predecessor.valid_to === null || predecessor.valid_to > lastDay) await repo.updateUnit(tx, predecessorId, { valid_to: lastDay });
        await repo.insertChange(tx, {
          at: clock.now(),
          actorId: actor.id,
          entity: 'unit_succession',
          entityId: `${predecessorId}>${body.successorId}`,
          change: 'confirm',
          details: { ...body, requestId: undefined },
          requestId: body.requestId,
        });
      });
      return unitById(predecessorId);
    },

    async reassignLead(actor: Actor, number: number, body: LeadBody): Promise<ModelDetail> {
      if (compareMonths(body.validFrom, PLAN_FIRST_MONTH) < 0) throw new DomainError(PlanErrors.PLAN_MONTH_OUT_OF_RANGE, { month: body.validFrom });
      if (!(await adminReplay(actor, body.requestId, 'model_lead', String(number)))) {
        const plan = await loadPlan();
        modelOf(plan, number);
        if (!plan.units.has(body.unitId)) throw new DomainError(PlanErrors.PLAN_UNIT_NOT_FOUND, { unitId: body.unitId });
        await adminChange(body.requestId, async (tx) => {
          await repo.insertLead(tx, { modelNumber: number, unitId: body.unitId, validFrom: body.validFrom, note: body.note?.normalize('NFC').trim() ?? '', recordedBy: actor.id, requestId: body.requestId });
          await repo.insertChange(tx, { at: clock.now(), actorId: actor.id, entity: 'model_lead', entityId: String(number), change: 'assign', details: { ...body, requestId: undefined }, requestId: body.requestId });
        });
      }
      return service.getModel(actor, number);
    },
  };
  return service;
}

export type PlanService = ReturnType<typeof createPlanService>;
