/**
 * Who may do what in /api/v1/plan, and what bad input gets: roles (403), other units' reports (404, the same as
 * "not found"), malformed and hostile input (400), incomplete submissions (422, nothing half-written), and the
 * administrator's unit and assignment changes with their idempotency keys.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../kernel/auth.ts';
import { fakeClock } from '../../kernel/clock.ts';
import { assertProblem } from '../../../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';

describe('access and input rules of /api/v1/plan', () => {
  let platform: TestPlatform;

  before(async () => {
    platform = await createTestPlatform({ clock: fakeClock('2026-11-05T03:00:00Z') });
  });
  after(() => platform.close());

  async function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, role: Role, options: { unitId?: string; payload?: unknown; language?: string; sub?: string } = {}) {
    const token = await platform.token(role, { ...(options.unitId ? { unitId: options.unitId } : {}), ...(options.sub ? { sub: options.sub } : {}) });
    return platform.app.inject({
      method,
      url: `/api/v1/plan${url}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.language ? { 'accept-language': options.language } : {}),
        ...(options.payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.payload === undefined ? {} : { payload: typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload) }),
    });
  }

  it('refuses roles outside the plan, and plan roles outside their part', async () => {
    const refused: Array<[Parameters<typeof send>[0], string, Role, unknown?]> = [
      ['GET', '/models', 'citizen'],
      ['GET', '/models', 'police'],
      ['GET', '/reports/2026-10/6', 'host'],
      ['PUT', '/reports/2026-10/6/draft', 'leader', { requestId: 'leader-draft-01' }],
      ['PUT', '/reports/2026-10/6/draft', 'working_group_secretary', { requestId: 'secretary-draft-01' }],
      ['POST', '/reports/2026-10/6/submit', 'admin', { requestId: 'admin-submit-01' }],
      ['POST', '/reports/2026-10/6/return', 'unit_reporter', { requestId: 'reporter-return-01', comment: 'x' }],
      ['POST', '/reports/2026-10/6/accept', 'leader', { requestId: 'leader-accept-01' }],
      ['GET', '/months/2026-10/submissions', 'unit_reporter'],
      ['GET', '/overview', 'unit_reporter'],
      ['GET', '/consolidations', 'unit_reporter'],
      ['POST', '/consolidations', 'leader', { requestId: 'leader-consolidates', month: '2026-10' }],
      ['POST', '/consolidations', 'admin', { requestId: 'admin-consolidates', month: '2026-10' }],
      ['GET', '/notifications', 'leader'],
      ['POST', '/units', 'working_group_secretary', { requestId: 'secretary-unit-01', id: 'x-unit', name: { vi: 'xx', en: 'xx' }, kind: 'other', validFrom: '2025-07-01' }],
      ['PUT', '/models/1/lead', 'working_group_secretary', { requestId: 'secretary-lead-01', unitId: 'cong-an-thi-xa', validFrom: '2026-01' }],
      ['POST', '/reminders/run', 'leader'],
    ];
    for (const [method, url, role, payload] of refused) {
      assertProblem(await send(method, url, role, { unitId: 'phong-y-te', payload }), 403, 'FORBIDDEN_ROLE', `${method} ${url} as ${role}`);
    }
  });

  it('answers 404 for another unit’s report whatever the route, like a report that does not exist', async () => {
    const own = await send('PUT', '/reports/2026-10/8/draft', 'unit_reporter', { unitId: 'phong-tu-phap', payload: { requestId: 'tp-own-draft-01', results: 'Nháp' } });
    assert.equal(own.statusCode, 200);
    for (const [method, url, payload] of [
      ['GET', '/reports/2026-10/8', undefined],
      ['GET', '/reports/2026-10/8/actions', undefined],
      ['PUT', '/reports/2026-10/8/draft', { requestId: 'yt-takes-8-01', results: 'x' }],
      ['POST', '/reports/2026-10/8/submit', { requestId: 'yt-takes-8-02', implementationStatus: 'not_started', progressPercent: 0 }],
      ['GET', '/reports/2026-10/9', undefined],
    ] as const) {
      const response = await send(method, url, 'unit_reporter', { unitId: 'phong-y-te', payload });
      const problem = assertProblem(response, 404, 'PLAN_REPORT_NOT_FOUND', `${method} ${url}`);
      assert.doesNotMatch(String(problem.detail), /Tư pháp|tu-phap/, 'the answer does not reveal whose report it is');
    }
    const missing = await send('GET', '/reports/2026-10/8', 'working_group_secretary');
    assert.equal(missing.statusCode, 200, 'the standing agency reads every report');
    const stillDraft = await send('GET', '/reports/2026-10/8', 'unit_reporter', { unitId: 'phong-tu-phap' });
    assert.equal(stillDraft.json().version, 1, 'nothing was written by the other unit');
  });

  it('refuses malformed and hostile input with a 400 problem document', async () => {
    const cases: Array<[Parameters<typeof send>[0], string, unknown?]> = [
      ['GET', '/reports/2026-13/6'],
      ['GET', '/reports/26-10/6'],
      ['GET', `/reports/2026-10'%20OR%201=1--/6`],
      ['GET', '/reports/2026-10/44'],
      ['GET', '/reports/2026-10/0'],
      ['GET', '/models/abc'],
      ['GET', '/models?month=2026-1'],
      ['GET', `/reports?unitId=x'%3B%20DROP%20TABLE%20plan.unit%3B--`],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'short' }],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'draft-extra-01', isAdmin: true }],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'draft-progress', progressPercent: 101 }],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'draft-progress-2', progressPercent: '50' }],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'draft-status-01', implementationStatus: 'done' }],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'draft-results-01', results: 'x'.repeat(20_001) }],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'draft-figure-01', figures: [{ key: 'Bad Key!', value: 1 }] }],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'draft-figure-02', figures: [{ key: 'ok_key', value: 'NaN' }] }],
      ['PUT', '/reports/2026-10/6/draft', { requestId: 'draft-figure-03', figures: Array.from({ length: 41 }, (_, index) => ({ key: `k${index}`, value: 1 })) }],
      ['POST', '/consolidations', { requestId: 'consolidate-bad-01', month: '2026/10' }],
      ['PATCH', '/units/phong-y-te', { requestId: 'unit-email-bad', email: 'not an e-mail' }],
      ['POST', '/units', { requestId: 'unit-create-bad', id: 'Phòng Y Tế', name: { vi: 'x y', en: 'x y' }, kind: 'other', validFrom: '2025-07-01' }],
    ];
    for (const [method, url, payload] of cases) {
      const role: Role = url.startsWith('/units') ? 'admin' : url.startsWith('/consolidations') ? 'working_group_secretary' : 'unit_reporter';
      assertProblem(await send(method, url, role, { unitId: 'phong-y-te', payload }), 400, undefined, `${method} ${url} ${JSON.stringify(payload ?? '').slice(0, 60)}`);
    }
    const [{ n }] = (await platform.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plan.unit')) as [{ n: number }];
    assert.ok(n > 10, 'the units table is still there');
  });

  it('refuses months outside the plan or in the future', async () => {
    assertProblem(await send('GET', '/reports/2023-07/6', 'unit_reporter', { unitId: 'phong-y-te' }), 400, 'PLAN_MONTH_OUT_OF_RANGE');
    assertProblem(await send('GET', '/reports/2026-12/6', 'unit_reporter', { unitId: 'phong-y-te' }), 400, 'PLAN_MONTH_NOT_STARTED');
    assertProblem(await send('GET', '/months/2027-01/submissions', 'leader'), 400, 'PLAN_MONTH_NOT_STARTED');
  });

  it('refuses an incomplete submission with the fields to fill, writing nothing', async () => {
    const response = await send('POST', '/reports/2026-10/6/submit', 'unit_reporter', {
      unitId: 'phong-y-te',
      payload: { requestId: 'incomplete-6-01', implementationStatus: 'blocked', progressPercent: 20 },
      language: 'en',
    });
    const problem = assertProblem(response, 422, 'PLAN_REPORT_INCOMPLETE');
    assert.equal(problem.detail, 'The report cannot be submitted yet: results, difficulties missing or invalid. Complete them and submit again; the draft is unchanged.');
    assert.deepEqual(problem.missing, ['results', 'difficulties']);
    const rows = await platform.kernel.db.query(`SELECT 1 FROM plan.monthly_report WHERE model_number = 6 AND month = '2026-10'`);
    assert.equal(rows.length, 0, 'no half-written report');
    const unlabeled = await send('PUT', '/reports/2026-10/6/draft', 'unit_reporter', { unitId: 'phong-y-te', payload: { requestId: 'unlabeled-fig-01', figures: [{ key: 'readers', value: 3 }] } });
    assertProblem(unlabeled, 422, 'PLAN_REPORT_INCOMPLETE');
  });

  it('stores Vietnamese text in NFC whatever the client sends', async () => {
    const response = await send('PUT', '/reports/2026-10/7/draft', 'unit_reporter', {
      unitId: 'phong-y-te',
      payload: { requestId: 'nfd-text-7-01', results: 'Đã triển khai kiosk tại Trung tâm Y tế'.normalize('NFD') },
    });
    assert.equal(response.statusCode, 200);
    const [row] = await platform.kernel.db.query<{ results: string }>(`SELECT results FROM plan.monthly_report WHERE model_number = 7 AND month = '2026-10'`);
    assert.equal(row!.results, 'Đã triển khai kiosk tại Trung tâm Y tế'.normalize('NFC'));
  });

  it('lets an administrator add a unit, record its succession and reassign a model, each once per requestId', async () => {
    const unit = { requestId: 'create-unit-0001', id: 'phong-van-hoa-xa-hoi-duy-tien', name: { vi: 'Phòng Văn hóa - Xã hội phường Duy Tiên', en: 'Duy Tiên ward Culture and Society Office' }, kind: 'other', validFrom: '2025-07-01' };
    const created = await send('POST', '/units', 'admin', { payload: unit, sub: 'admin-1' });
    assert.equal(created.statusCode, 201);
    const retried = await send('POST', '/units', 'admin', { payload: unit, sub: 'admin-1' });
    assert.equal(retried.statusCode, 201, 'a retry answers like the first request');
    assertProblem(await send('POST', '/units', 'admin', { payload: { ...unit, requestId: 'create-unit-0002' }, sub: 'admin-1' }), 409, 'PLAN_UNIT_EXISTS');
    assertProblem(await send('POST', '/units', 'admin', { payload: { ...unit, id: 'another-unit' }, sub: 'admin-1' }), 409, 'PLAN_REQUEST_ID_REUSED');
    assertProblem(await send('PATCH', '/units/no-such-unit', 'admin', { payload: { requestId: 'patch-missing-01', email: 'a@b.example' } }), 404, 'PLAN_UNIT_NOT_FOUND');

    const succession = { requestId: 'succeed-vhtt-0001', successorId: 'phong-van-hoa-khoa-hoc-thong-tin', effectiveOn: '2025-03-01', kind: 'merged_into' };
    assertProblem(await send('POST', '/units/phong-van-hoa-thong-tin/successions', 'admin', { payload: { ...succession, successorId: 'nowhere' } }), 404, 'PLAN_UNIT_NOT_FOUND');
    assertProblem(await send('POST', '/units/phong-van-hoa-thong-tin/successions', 'admin', { payload: { ...succession, requestId: 'succeed-self-0001', successorId: 'phong-van-hoa-thong-tin' } }), 400, 'PLAN_SUCCESSION_INVALID');
    assertProblem(await send('POST', '/units/phong-van-hoa-thong-tin/successions', 'admin', { payload: { ...succession, requestId: 'succeed-early-001', effectiveOn: '2020-01-01' } }), 400, 'PLAN_SUCCESSION_INVALID');
    const second = await send('POST', '/units/phong-van-hoa-khoa-hoc-thong-tin/successions', 'admin', {
      payload: { requestId: 'succeed-ward-0001', successorId: 'phong-van-hoa-xa-hoi-duy-tien', effectiveOn: '2025-07-01', kind: 'absorbed_by', note: { vi: 'Cấp huyện kết thúc hoạt động', en: 'District level abolished' } },
    });
    assert.equal(second.statusCode, 200);
    const first = await send('POST', '/units/phong-van-hoa-thong-tin/successions', 'admin', { payload: succession });
    assert.equal(first.statusCode, 200);
    assert.deepEqual(
      first.json().successors.map((link: { unitId: string; confirmed: boolean }) => [link.unitId, link.confirmed]),
      [['phong-van-hoa-khoa-hoc-thong-tin', true]],
    );
    // The chain VHTT → VH, KH & TT (March 2025) → the ward's office (July 2025) now answers for model 23.
    const model = await send('GET', '/models/23', 'leader');
    assert.equal(model.json().leadUnit.id, 'phong-van-hoa-xa-hoi-duy-tien');
    const reporter = await send('GET', '/reports/2026-10/23', 'unit_reporter', { unitId: 'phong-van-hoa-xa-hoi-duy-tien' });
    assert.equal(reporter.statusCode, 200);

    const lead = { requestId: 'lead-model-14-01', unitId: 'cong-an-thi-xa', validFrom: '2026-01', note: 'Ban Quản lý KCN chuyển về tỉnh' };
    assertProblem(await send('PUT', '/models/14/lead', 'admin', { payload: { ...lead, requestId: 'lead-bad-unit-01', unitId: 'no-such-unit' } }), 404, 'PLAN_UNIT_NOT_FOUND');
    assertProblem(await send('PUT', '/models/14/lead', 'admin', { payload: { ...lead, requestId: 'lead-too-early-1', validFrom: '2023-01' } }), 400, 'PLAN_MONTH_OUT_OF_RANGE');
    const assigned = await send('PUT', '/models/14/lead', 'admin', { payload: lead });
    assert.equal(assigned.statusCode, 200);
    assert.equal(assigned.json().leadUnit.id, 'cong-an-thi-xa');
    assert.equal((await send('PUT', '/models/14/lead', 'admin', { payload: lead })).statusCode, 200);
    assert.equal(assigned.json().leads.length, 2);
    const [{ n }] = (await platform.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plan.change_log WHERE entity = 'model_lead'`)) as [{ n: number }];
    assert.equal(n, 1, 'the retried reassignment was recorded once');
  });

  it('answers in English when asked, and 404 for unknown things', async () => {
    const problem = assertProblem(await send('GET', '/consolidations/00000000-0000-4000-8000-000000000000/pdf', 'leader', { language: 'en' }), 404, 'PLAN_CONSOLIDATION_NOT_FOUND');
    assert.equal(problem.detail, 'There is no such consolidated report.');
    assertProblem(await send('POST', '/notifications/999999/read', 'admin'), 404, 'PLAN_NOTIFICATION_NOT_FOUND');
    assertProblem(await send('GET', '/consolidations/not-a-uuid/xlsx', 'leader'), 400, 'VALIDATION_FAILED');
  });
});
