import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../kernel/auth.ts';
import { fakeClock, type FakeClock } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';
import type { FigureProvider } from './figures.ts';
import { createPlanService, type PlanService } from './plan.service.ts';

const secretary: Actor = { kind: 'user', id: 'secretary-1', roles: ['working_group_secretary'], wards: [], scopes: [] };
const admin: Actor = { kind: 'user', id: 'admin-1', roles: ['admin'], wards: [], scopes: [] };
const reporter = (unitId: string, id = `reporter-${unitId}`): Actor => ({ kind: 'user', id, roles: ['unit_reporter'], wards: [], scopes: [], unitId });
const culture = reporter('phong-van-hoa-thong-tin');
const police = reporter('cong-an-thi-xa');

async function rejectsWith(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (error: unknown) => error instanceof DomainError && error.code === code);
}

describe('plan service on a real database', () => {
  let platform: TestPlatform;
  let clock: FakeClock;
  let plan: PlanService;
  const computed: string[] = [];

  before(async () => {
    clock = fakeClock('2026-11-03T03:00:00Z');
    platform = await createTestPlatform({ clock });
    // A fake provider standing in for the identity module (model 23: share of adults with a level-2 e-ID).
    const eIdShare: FigureProvider = {
      key: 'registry.eid_level2_share',
      modelNumbers: [23],
      label: { vi: 'Tỷ lệ người dân từ 14 tuổi có tài khoản định danh điện tử mức 2', en: 'Share of residents aged 14+ with a level-2 e-ID' },
      unit: '%',
      compute: async (month) => {
        computed.push(month);
        return month === '2026-10' ? 87.4 : null;
      },
    };
    plan = createPlanService({ db: platform.kernel.db, clock, logger: platform.kernel.logger, sender: platform.kernel.sender, figureProviders: [eIdShare] });
    await plan.ready();
  });
  after(() => platform.close());

  it('seeds the plan once: 43 models, 5 groups, 24 pilots, unconfirmed 2025 successions', async () => {
    await createPlanService({ db: platform.kernel.db, clock, logger: platform.kernel.logger, sender: platform.kernel.sender, figureProviders: [] }).ready();
    const db = platform.kernel.db;
    const [counts] = await db.query<{ models: number; groups: number; pilots: number; leads: number }>(
      `SELECT (SELECT count(*) FROM plan.model) AS models, (SELECT count(*) FROM plan.model_group) AS groups,
              (SELECT count(*) FROM plan.model WHERE pilot_2023) AS pilots, (SELECT count(*) FROM plan.model_lead) AS leads`,
    );
    assert.deepEqual(counts, { models: 43, groups: 5, pilots: 24, leads: 43 }, 'a second seeding adds nothing');
    const sizes = await db.query<{ group_number: number; n: number }>('SELECT group_number, count(*)::int AS n FROM plan.model GROUP BY group_number ORDER BY group_number');
    assert.deepEqual(
      sizes.map((row) => row.n),
      [5, 17, 11, 3, 7],
    );
    const pilots = await db.query<{ unit_id: string; n: number }>(
      `SELECT l.unit_id, count(*)::int AS n FROM plan.model m JOIN plan.model_lead l ON l.model_number = m.number WHERE m.pilot_2023 GROUP BY l.unit_id ORDER BY n DESC, l.unit_id`,
    );
    assert.deepEqual(
      pilots.map((row) => row.n),
      [13, 6, 2, 1, 1, 1],
    );
    const [typo] = await db.query<{ deadline_text: string; deadline_date: string }>('SELECT deadline_text, deadline_date FROM plan.model WHERE number = 25');
    assert.deepEqual(typo, { deadline_text: '30/12/2013', deadline_date: '2023-12-30' });
    const successions = await plan.listUnits();
    const vhtt = successions.find((unit) => unit.id === 'phong-van-hoa-thong-tin')!;
    assert.deepEqual(
      vhtt.successors.map((link) => [link.unitId, link.confirmed]),
      [['phong-van-hoa-khoa-hoc-thong-tin', false]],
    );
  });

  it('refuses edits and deletions of the report log', async () => {
    await plan.saveDraft(culture, '2026-10', 1, { requestId: 'log-test-0001', results: 'Bản nháp' });
    await assert.rejects(platform.kernel.db.query(`UPDATE plan.report_action SET comment = 'x'`), /append-only/);
    await assert.rejects(platform.kernel.db.query('DELETE FROM plan.report_action'), /append-only/);
  });

  it('prefills a new report with live figures and tells where a model has none', async () => {
    const blank = await plan.getReport(culture, '2026-10', 23);
    assert.equal(blank.status, 'not_started');
    assert.deepEqual(
      blank.figures.map((figure) => [figure.key, figure.value, figure.source]),
      [['registry.eid_level2_share', 87.4, 'live']],
    );
    const draft = await plan.saveDraft(culture, '2026-10', 23, { requestId: 'prefill-0001', implementationStatus: 'in_progress', progressPercent: 87 });
    assert.equal(draft.figures[0]!.value, 87.4, 'the draft keeps the live figure');
    const model23 = await plan.getModel(culture, 23);
    assert.equal(model23.figures.hasLiveFigures, true);
    const model26 = await plan.getModel(culture, 26);
    assert.equal(model26.figures.hasLiveFigures, false);
    assert.match(model26.figures.note.vi, /chưa có số liệu trực tiếp/);
    const model9 = await plan.getModel(police, 9);
    assert.deepEqual(
      model9.figures.planned.map((figure) => figure.key),
      ['presence.establishments_notifying', 'presence.stay_notices'],
    );
    assert.ok(computed.includes('2026-10'));
  });

  it('never doubles a change sent twice, even at the same moment', async () => {
    const body = { requestId: 'submit-twice-0001', implementationStatus: 'in_progress' as const, progressPercent: 50, results: 'Đã triển khai tại 30 cơ sở' };
    const [first, second] = await Promise.all([plan.submit(police, '2026-10', 9, body), plan.submit(police, '2026-10', 9, body)]);
    assert.equal(first.status, 'submitted');
    assert.equal(second.status, 'submitted');
    assert.equal(first.version, 1);
    const again = await plan.submit(police, '2026-10', 9, body);
    assert.equal(again.version, 1, 'a later retry finds the first submission');
    const [{ n }] = (await platform.kernel.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM plan.report_action a JOIN plan.monthly_report r ON r.id = a.report_id WHERE r.model_number = 9 AND r.month = '2026-10'`,
    )) as [{ n: number }];
    assert.equal(n, 1);
    await rejectsWith(plan.saveDraft(police, '2026-10', 10, { requestId: 'submit-twice-0001' }), 'PLAN_REQUEST_ID_REUSED');
  });

  it('answers "not found" for another unit’s report and for acting outside the workflow', async () => {
    await rejectsWith(plan.getReport(culture, '2026-10', 9), 'PLAN_REPORT_NOT_FOUND');
    await rejectsWith(plan.saveDraft(culture, '2026-10', 9, { requestId: 'steal-0001', results: 'x' }), 'PLAN_REPORT_NOT_FOUND');
    await rejectsWith(plan.saveDraft(culture, '2026-10', 10, { requestId: 'steal-0002', results: 'x' }), 'PLAN_REPORT_NOT_FOUND');
    await rejectsWith(plan.saveDraft(police, '2026-10', 9, { requestId: 'locked-0001', results: 'x' }), 'PLAN_ACTION_NOT_ALLOWED');
    await rejectsWith(plan.returnReport(secretary, '2026-10', 10, { requestId: 'return-none-1', comment: 'x' }), 'PLAN_REPORT_NOT_FOUND');
    await rejectsWith(plan.getReport(culture, '2023-07', 1), 'PLAN_MONTH_OUT_OF_RANGE');
    await rejectsWith(plan.getReport(culture, '2026-12', 1), 'PLAN_MONTH_NOT_STARTED');
    await rejectsWith(plan.getReport({ ...culture, unitId: undefined }, '2026-10', 1), 'PLAN_NO_UNIT');
  });

  it('marks a first submission from the 12th as late, in Vietnam time', async () => {
    clock.set('2026-11-11T16:59:00Z'); // 23:59 on the 11th in Hà Nội
    const onTime = await plan.submit(police, '2026-10', 10, { requestId: 'late-test-0001', implementationStatus: 'not_started', progressPercent: 0 });
    assert.equal(onTime.late, false);
    clock.set('2026-11-11T17:00:00Z'); // 00:00 on the 12th
    const late = await plan.submit(police, '2026-10', 11, { requestId: 'late-test-0002', implementationStatus: 'not_started', progressPercent: 0 });
    assert.equal(late.late, true);
    clock.set('2026-11-03T03:00:00Z');
  });

  it('moves reporting to a successor once an administrator confirms the succession', async () => {
    // Before: the 2023 office answers for model 37.
    assert.equal((await plan.getReport(culture, '2026-10', 37)).unit.id, 'phong-van-hoa-thong-tin');
    await plan.recordSuccession(admin, 'phong-van-hoa-thong-tin', {
      requestId: 'succession-0001',
      successorId: 'phong-van-hoa-khoa-hoc-thong-tin',
      effectiveOn: '2025-03-01',
      kind: 'merged_into',
      note: { vi: 'Xác nhận theo quyết định của UBND thị xã', en: 'Confirmed by the town’s decision' },
    });
    const renamed = reporter('phong-van-hoa-khoa-hoc-thong-tin');
    const report = await plan.getReport(renamed, '2026-10', 37);
    assert.equal(report.unit.id, 'phong-van-hoa-khoa-hoc-thong-tin');
    await rejectsWith(plan.getReport(culture, '2026-10', 37), 'PLAN_REPORT_NOT_FOUND');
    // History stays readable: the old office's reports keep their unit, and its validity ends the day before.
    assert.equal((await plan.getReport(secretary, '2026-10', 1)).unit.id, 'phong-van-hoa-thong-tin');
    assert.equal((await plan.getReport(secretary, '2025-01', 37)).unit.id, 'phong-van-hoa-thong-tin', 'January 2025 was due before the change');
    const units = await plan.listUnits();
    assert.equal(units.find((unit) => unit.id === 'phong-van-hoa-thong-tin')!.validTo, '2025-02-28');
    assert.equal(units.find((unit) => unit.id === 'phong-van-hoa-khoa-hoc-thong-tin')!.predecessors[0]!.confirmed, true);
    // A split hands over nothing until a model is reassigned.
    await plan.recordSuccession(admin, 'phong-lao-dong-tbxh', { requestId: 'succession-0002', successorId: 'phong-noi-vu', effectiveOn: '2025-03-01', kind: 'split_into' });
    const split = (await plan.listModels(secretary, '2026-10')).find((model) => model.number === 20)!;
    assert.equal(split.awaitingReassignment, true);
    await plan.reassignLead(admin, 20, { requestId: 'reassign-0001', unitId: 'phong-noi-vu', validFrom: '2025-03' });
    assert.equal((await plan.getReport(reporter('phong-noi-vu'), '2026-10', 20)).unit.id, 'phong-noi-vu');
    const history = await plan.modelHistory(secretary, 20);
    assert.deepEqual(
      history.leads.map((lead) => [lead.unit.id, lead.validFrom, lead.basis]),
      [
        ['phong-lao-dong-tbxh', '2023-08', 'plan_2023'],
        ['phong-noi-vu', '2025-03', 'admin'],
      ],
    );
    const [changes] = await platform.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plan.change_log');
    assert.equal(changes!.n, 3);
  });

  it('reminds each unit once per month and kind, in the app and by e-mail', async () => {
    await plan.updateUnit(admin, 'phong-tu-phap', { requestId: 'email-tp-0001', email: 'tuphap@duytien.example' });
    await plan.updateUnit(admin, 'cong-an-thi-xa', { requestId: 'email-ca-0001', email: 'tct-da06@duytien.example' });
    platform.kernel.devInbox!.clear();
    const early = await plan.runReminders(new Date('2026-11-03T03:00:00Z'));
    const october = await platform.kernel.db.query(`SELECT 1 FROM plan.notification WHERE kind LIKE 'report_%' AND period = '2026-10'`);
    assert.equal(october.length, 0, 'the October report is not due soon on 3 November');
    const september = await platform.kernel.db.query<{ kind: string }>(`SELECT DISTINCT kind FROM plan.notification WHERE period = '2026-09'`);
    assert.deepEqual(september, [{ kind: 'report_overdue' }], 'September reports (due by 11 October) are overdue');
    const models = await platform.kernel.db.query<{ model_numbers: number[] }>(`SELECT model_numbers FROM plan.notification WHERE kind = 'model_overdue' AND unit_id = 'phong-tu-phap'`);
    assert.deepEqual(models[0]?.model_numbers, [8], 'model 8 was due on 30/11/2023 and is not reported completed');
    assert.ok(early.notificationsCreated > 0);

    const soon = await plan.runReminders(new Date('2026-11-09T02:00:00Z'));
    const due = await platform.kernel.db.query<{ audience: string; unit_id: string; model_numbers: number[] }>(
      `SELECT audience, unit_id, model_numbers FROM plan.notification WHERE kind = 'report_due_soon' AND unit_id = 'phong-tu-phap' ORDER BY audience`,
    );
    assert.deepEqual(due, [
      { audience: 'standing_agency', unit_id: 'phong-tu-phap', model_numbers: [8] },
      { audience: 'unit', unit_id: 'phong-tu-phap', model_numbers: [8] },
    ]);
    const again = await plan.runReminders(new Date('2026-11-09T05:00:00Z'));
    assert.equal(again.notificationsCreated, 0, 'idempotent per (unit, month, kind)');
    assert.equal(again.emailsSent, 0);
    const mails = platform.kernel.devInbox!.list('tuphap@duytien.example');
    assert.equal(mails.filter((mail) => mail.subject?.includes('Sắp đến hạn báo cáo tháng 10/2026')).length, 1);
    assert.match(mails.find((mail) => mail.subject?.includes('tháng 10/2026'))!.body, /hết ngày 11\/11\/2026/);
    assert.ok(soon.emailsSent >= 2);

    const overdue = await plan.runReminders(new Date('2026-11-12T01:00:00Z'));
    assert.ok(overdue.notificationsCreated > 0);
    const late = await platform.kernel.db.query<{ unit_id: string }>(`SELECT unit_id FROM plan.notification WHERE kind = 'report_overdue' AND audience = 'unit' ORDER BY unit_id`);
    assert.ok(late.some((row) => row.unit_id === 'phong-tu-phap'));
    const toAgency = platform.kernel.devInbox!.list('tct-da06@duytien.example');
    assert.ok(toAgency.some((mail) => mail.subject?.includes('Quá hạn báo cáo tháng 10/2026')), 'the standing agency hears of overdue reports');
  });
});
