/**
 * One reporting month end to end through the API (issue #6): three units report on October 2026 — one on time, one
 * returned by the standing agency and corrected, one late — reminders go out, the secretary consolidates, and the
 * PDF and XLSX are read back.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Role } from '../../kernel/auth.ts';
import { fakeClock, type FakeClock } from '../../kernel/clock.ts';
import { assertProblem } from '../../../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';

const MONTH = '2026-10';
const HEALTH = 'phong-y-te'; // models 6 and 7: on time
const JUSTICE = 'phong-tu-phap'; // model 8: returned, corrected
const EDUCATION = 'phong-giao-duc-dao-tao'; // models 21 and 31: late

describe('a reporting month through /api/v1/plan (plan section V.3)', () => {
  let platform: TestPlatform;
  let clock: FakeClock;
  const tokens: Record<string, string> = {};
  let consolidationId = '';

  async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who: string, payload?: unknown) {
    return platform.app.inject({
      method,
      url: `/api/v1/plan${url}`,
      headers: { authorization: `Bearer ${tokens[who]}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
  }
  async function ok(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who: string, payload?: unknown, status = 200) {
    const response = await call(method, url, who, payload);
    assert.equal(response.statusCode, status, `${method} ${url} as ${who}: ${response.body.slice(0, 400)}`);
    return response.json();
  }

  before(async () => {
    clock = fakeClock('2026-11-03T02:00:00Z'); // 09:00 on 3 November in Duy Tiên
    platform = await createTestPlatform({ clock });
    const issue = (role: Role, unitId?: string, sub?: string) => platform.token(role, { ...(unitId ? { unitId } : {}), sub: sub ?? `${role}:${unitId ?? 'town'}` });
    tokens.secretary = await issue('working_group_secretary', 'cong-an-thi-xa');
    tokens.leader = await issue('leader');
    tokens.admin = await issue('admin');
    tokens.health = await issue('unit_reporter', HEALTH);
    tokens.justice = await issue('unit_reporter', JUSTICE);
    tokens.education = await issue('unit_reporter', EDUCATION);
  });
  after(() => platform.close());

  it('lists the plan: 5 groups, 43 models with lead units and deadlines, and which have live figures', async () => {
    const groups = await ok('GET', '/groups', 'leader');
    assert.deepEqual(
      groups.map((group: { modelCount: number }) => group.modelCount),
      [5, 17, 11, 3, 7],
    );
    const models = await ok('GET', '/models', 'health');
    assert.equal(models.length, 43);
    const model6 = models.find((model: { number: number }) => model.number === 6);
    assert.equal(model6.leadUnit.id, HEALTH);
    assert.equal(model6.pilot2023, true);
    assert.deepEqual(model6.deadline, { text: 'Trong năm 2023 (theo kết quả đầu tư thiết bị đọc QR, chíp)', corrected: null, correctionNote: null, kind: 'year', date: '2023-12-31', continuing: false });
    const model26 = models.find((model: { number: number }) => model.number === 26);
    assert.equal(model26.deadline.kind, 'recurring');
    const model6Detail = await ok('GET', '/models/6', 'leader');
    assert.equal(model6Detail.figures.hasLiveFigures, false);
    assert.match(model6Detail.figures.note.vi, /^Mô hình này chưa có số liệu trực tiếp \(dự kiến: Số lượt xác thực danh tính tại điểm tiếp nhận trong tháng\)/);
    const model23 = await ok('GET', '/models/23', 'leader');
    assert.equal(model23.figures.hasLiveFigures, true, 'model 23 is bound to the registry’s e-ID coverage');
    assert.deepEqual(
      model23.tools.map((tool: { key: string }) => tool.key),
      ['vneid', 'citizen_app'],
    );
    // The registry keeps today's levels only: a past month has no value, and says so instead of guessing.
    const figures = await ok('GET', `/models/23/figures?month=${MONTH}`, 'leader');
    assert.deepEqual(figures.figures.map((figure: { key: string; value: number | null }) => [figure.key, figure.value]), [['registry.eid_level2_share', null]]);
    const units = await ok('GET', '/units', 'health');
    assert.ok(units.some((unit: { id: string; standingAgency: boolean }) => unit.id === 'cong-an-thi-xa' && unit.standingAgency));
  });

  it('sets the units’ reminder mailboxes (administrator)', async () => {
    for (const [unitId, email] of [
      [EDUCATION, 'giaoduc@duytien.example'],
      [JUSTICE, 'tuphap@duytien.example'],
      ['cong-an-thi-xa', 'thuongtruc-da06@duytien.example'],
    ] as const) {
      const unit = await ok('PATCH', `/units/${unitId}`, 'admin', { requestId: `mailbox-${unitId}`, email });
      assert.equal(unit.email, email);
    }
  });

  it('lets the Health Office draft, then submit on time, with every version kept', async () => {
    const blank = await ok('GET', `/reports/${MONTH}/6`, 'health');
    assert.equal(blank.status, 'not_started');
    assert.deepEqual(blank.availableActions, ['save_draft', 'submit']);
    assert.equal(blank.lastOnTimeDay, '2026-11-11');
    const draft = await ok('PUT', `/reports/${MONTH}/6/draft`, 'health', { requestId: 'health-6-draft-1', implementationStatus: 'in_progress', progressPercent: 80, results: 'Đã lắp đầu đọc tại 9/10 cơ sở' });
    assert.equal(draft.status, 'draft');
    const retried = await ok('PUT', `/reports/${MONTH}/6/draft`, 'health', { requestId: 'health-6-draft-1', implementationStatus: 'in_progress', progressPercent: 80, results: 'Đã lắp đầu đọc tại 9/10 cơ sở' });
    assert.equal(retried.version, 1, 'the retry of a draft is not a second version');
    clock.set('2026-11-05T03:00:00Z');
    const submitted = await ok('POST', `/reports/${MONTH}/6/submit`, 'health', {
      requestId: 'health-6-submit',
      implementationStatus: 'completed',
      progressPercent: 100,
      results: '10/10 cơ sở khám chữa bệnh tiếp nhận CCCD gắn chíp và VNeID khi đăng ký khám.',
      figures: [{ key: 'clinics_accepting_chip_card', label: 'Số cơ sở khám chữa bệnh tiếp nhận CCCD gắn chíp', labelEn: 'Clinics accepting the chip card', unit: 'cơ sở', value: 10 }],
      proposals: 'Đề nghị duy trì kinh phí bảo trì thiết bị đọc.',
    });
    assert.deepEqual([submitted.status, submitted.late, submitted.version, submitted.availableActions], ['submitted', false, 2, []]);
    await ok('POST', `/reports/${MONTH}/7/submit`, 'health', { requestId: 'health-7-submit', implementationStatus: 'in_progress', progressPercent: 40, results: 'Thí điểm kiosk tại Trung tâm Y tế thị xã.' });
    const locked = await call('PUT', `/reports/${MONTH}/6/draft`, 'health', { requestId: 'health-6-after', results: 'sửa sau khi nộp' });
    const problem = assertProblem(locked, 409, 'PLAN_ACTION_NOT_ALLOWED');
    assert.equal(problem.detail, 'Báo cáo đang ở trạng thái "đã nộp"; chỉ có thể \'trả lại\', \'tiếp nhận\' hoặc \'xem\'.');
  });

  it('keeps each unit to its own reports: another unit’s report is "not found"', async () => {
    await ok('PUT', `/reports/${MONTH}/8/draft`, 'justice', { requestId: 'justice-8-draft', implementationStatus: 'in_progress', progressPercent: 60, results: 'Bản nháp' });
    assertProblem(await call('GET', `/reports/${MONTH}/8`, 'health'), 404, 'PLAN_REPORT_NOT_FOUND');
    assertProblem(await call('GET', `/reports/${MONTH}/8/actions`, 'health'), 404, 'PLAN_REPORT_NOT_FOUND');
    assertProblem(await call('PUT', `/reports/${MONTH}/8/draft`, 'health', { requestId: 'health-steals-8', results: 'x' }), 404, 'PLAN_REPORT_NOT_FOUND');
    assertProblem(await call('POST', `/reports/${MONTH}/8/submit`, 'health', { requestId: 'health-submits-8', implementationStatus: 'completed', progressPercent: 100, results: 'x' }), 404, 'PLAN_REPORT_NOT_FOUND');
    assertProblem(await call('GET', `/reports/${MONTH}/21`, 'health'), 404, 'PLAN_REPORT_NOT_FOUND', 'a report nobody has started yet');
    const own = await ok('GET', `/reports?month=${MONTH}`, 'health');
    assert.deepEqual(
      own.items.map((report: { modelNumber: number }) => report.modelNumber),
      [6, 7],
    );
    const asked = await ok('GET', `/reports?month=${MONTH}&unitId=${JUSTICE}`, 'health');
    assert.equal(asked.total, 0);
    const models = await ok('GET', `/models?month=${MONTH}`, 'health');
    const model8 = models.find((model: { number: number }) => model.number === 8);
    assert.deepEqual([model8.status, model8.statusVisible], [null, false], 'the model list hides other units’ report status');
    assert.equal(models.find((model: { number: number }) => model.number === 6).status.implementationStatus, 'completed');
    const history = await ok('GET', '/models/8/history', 'health');
    assert.deepEqual(history.reports, []);
    const noUnit = await platform.token('unit_reporter', { sub: 'reporter-without-unit' });
    const response = await platform.app.inject({ method: 'GET', url: `/api/v1/plan/reports/${MONTH}/6`, headers: { authorization: `Bearer ${noUnit}` } });
    assertProblem(response, 403, 'PLAN_NO_UNIT');
  });

  it('lets the standing agency return the Justice Office’s report, and the office correct and resubmit it', async () => {
    clock.set('2026-11-06T02:00:00Z');
    await ok('POST', `/reports/${MONTH}/8/submit`, 'justice', { requestId: 'justice-8-submit-1', results: '3/4 tổ chức hành nghề công chứng dùng đầu đọc CCCD.' });
    clock.set('2026-11-07T02:00:00Z');
    const returned = await ok('POST', `/reports/${MONTH}/8/return`, 'secretary', { requestId: 'secretary-return-8', comment: 'Đề nghị bổ sung số liệu giao dịch công chứng có sử dụng VNeID.' });
    assert.equal(returned.status, 'returned');
    assert.equal(returned.returnComment, 'Đề nghị bổ sung số liệu giao dịch công chứng có sử dụng VNeID.');
    const seen = await ok('GET', `/reports/${MONTH}/8`, 'justice');
    assert.deepEqual(seen.availableActions, ['save_draft', 'submit']);
    clock.set('2026-11-08T02:00:00Z');
    const corrected = await ok('PUT', `/reports/${MONTH}/8/draft`, 'justice', {
      requestId: 'justice-8-fix',
      figures: [{ key: 'notarisations_with_vneid', label: 'Số giao dịch công chứng sử dụng VNeID', unit: 'giao dịch', value: 412 }],
    });
    assert.equal(corrected.status, 'returned', 'still awaiting resubmission, comment in view');
    const resubmitted = await ok('POST', `/reports/${MONTH}/8/submit`, 'justice', { requestId: 'justice-8-submit-2', progressPercent: 75 });
    assert.deepEqual([resubmitted.status, resubmitted.late], ['submitted', false]);
    const accepted = await ok('POST', `/reports/${MONTH}/8/accept`, 'secretary', { requestId: 'secretary-accept-8' });
    assert.equal(accepted.status, 'accepted');
    const log = await ok('GET', `/reports/${MONTH}/8/actions`, 'secretary');
    assert.deepEqual(
      log.actions.map((action: { action: string; toStatus: string }) => `${action.action}→${action.toStatus}`),
      ['save_draft→draft', 'submit→submitted', 'return→returned', 'save_draft→returned', 'submit→submitted', 'accept→accepted'],
    );
    assert.equal(log.actions[2].comment, 'Đề nghị bổ sung số liệu giao dịch công chứng có sử dụng VNeID.');
    assert.equal(log.actions[1].content.figures.length, 0, 'the first submission is kept as it was');
    assert.equal(log.actions[4].content.figures[0].value, 412);
  });

  it('reminds the Education Office before the deadline and when it is missed, in the app and by e-mail', async () => {
    clock.set('2026-11-09T02:00:00Z');
    await ok('PUT', `/reports/${MONTH}/21/draft`, 'education', { requestId: 'education-21-draft', implementationStatus: 'in_progress', progressPercent: 30 });
    const run = await ok('POST', '/reminders/run', 'secretary');
    assert.ok(run.notificationsCreated > 0);
    const again = await ok('POST', '/reminders/run', 'admin');
    assert.equal(again.notificationsCreated, 0, 'no duplicate reminders');
    const inbox = platform.kernel.devInbox!.list('giaoduc@duytien.example');
    const dueSoon = inbox.filter((mail) => mail.subject === '[DA06] Sắp đến hạn báo cáo tháng 10/2026');
    assert.equal(dueSoon.length, 1);
    assert.match(dueSoon[0]!.body, /Phòng Giáo dục và Đào tạo thị xã chưa nộp báo cáo tháng 10\/2026 của mô hình 21, 31/);
    const mine = await ok('GET', '/notifications?unread=true', 'education');
    const reportReminder = mine.items.find((item: { kind: string; period: string }) => item.kind === 'report_due_soon' && item.period === MONTH);
    assert.deepEqual(reportReminder.modelNumbers, [21, 31]);
    assert.ok(mine.items.every((item: { unit: { id: string } }) => item.unit.id === EDUCATION), 'a unit sees only its own reminders');
    const read = await ok('POST', `/notifications/${reportReminder.id}/read`, 'education');
    assert.ok(read.readAt);
    assertProblem(await call('POST', `/notifications/${reportReminder.id}/read`, 'health'), 404, 'PLAN_NOTIFICATION_NOT_FOUND');

    clock.set('2026-11-12T03:00:00Z'); // 10:00 on the 12th: October is overdue
    await ok('POST', '/reminders/run', 'secretary');
    const agency = await ok('GET', '/notifications', 'secretary');
    assert.ok(agency.items.some((item: { kind: string; unit: { id: string }; audience: string }) => item.kind === 'report_overdue' && item.unit.id === EDUCATION && item.audience === 'standing_agency'));
    assert.ok(platform.kernel.devInbox!.list('thuongtruc-da06@duytien.example').some((mail) => mail.subject === '[DA06] Quá hạn báo cáo tháng 10/2026'));
  });

  it('marks the Education Office’s reports submitted on the 12th as late', async () => {
    const late21 = await ok('POST', `/reports/${MONTH}/21/submit`, 'education', { requestId: 'education-21-submit', results: 'Lựa chọn đơn vị cung cấp giải pháp thi trực tuyến.' });
    const late31 = await ok('POST', `/reports/${MONTH}/31/submit`, 'education', {
      requestId: 'education-31-submit',
      implementationStatus: 'blocked',
      progressPercent: 55,
      results: '18/24 trường dùng phần mềm quản lý trường học.',
      difficulties: 'Chưa có kinh phí tích hợp đăng nhập VNeID cho giáo viên.',
    });
    assert.deepEqual([late21.late, late31.late], [true, true]);
    const incomplete = await call('POST', `/reports/${MONTH}/31/submit`, 'education', { requestId: 'education-31-resubmit' });
    assertProblem(incomplete, 409, 'PLAN_ACTION_NOT_ALLOWED');
  });

  it('shows the standing agency who has reported and who is late', async () => {
    const submissions = await ok('GET', `/months/${MONTH}/submissions`, 'secretary');
    assert.equal(submissions.pastDue, true);
    const byUnit = Object.fromEntries(submissions.units.map((entry: { unit: { id: string } }) => [entry.unit.id, entry]));
    assert.deepEqual(
      [byUnit[HEALTH].submitted, byUnit[HEALTH].late, byUnit[HEALTH].reported, byUnit[HEALTH].isLate],
      [2, 0, true, false],
    );
    assert.deepEqual([byUnit[JUSTICE].submitted, byUnit[JUSTICE].accepted, byUnit[JUSTICE].isLate], [1, 1, false]);
    assert.deepEqual([byUnit[EDUCATION].submitted, byUnit[EDUCATION].late, byUnit[EDUCATION].lateModels], [2, 2, [21, 31]]);
    assert.equal(byUnit['cong-an-thi-xa'].reported, false);
    assert.equal(byUnit['cong-an-thi-xa'].isLate, true, 'nothing submitted after the deadline is late');
    assert.deepEqual([submissions.totals.expected, submissions.totals.submitted, submissions.totals.late], [43, 5, 2]);
  });

  it('issues the consolidated report once, numbered, even when the request is retried', async () => {
    const body = { requestId: 'consolidate-2026-10', month: MONTH, signerName: 'Trần Văn Minh', signerTitle: 'KT. TỔ TRƯỞNG\nPHÓ TỔ TRƯỞNG THƯỜNG TRỰC' };
    const issued = await ok('POST', '/consolidations', 'secretary', body, 201);
    assert.equal(issued.documentNumber, '1/BC-TCTĐA06');
    assert.equal(issued.issuedOn, '2026-11-12');
    assert.deepEqual(issued.totals, { models: 43, reported: 5, onTime: 3, late: 2, returned: 0, missing: 38 });
    const retry = await ok('POST', '/consolidations', 'secretary', body, 201);
    assert.equal(retry.id, issued.id);
    const numbered = await ok('POST', '/consolidations', 'secretary', { ...body, requestId: 'consolidate-2026-10-b', number: 12 }, 201);
    assert.equal(numbered.documentNumber, '12/BC-TCTĐA06');
    assertProblem(await call('POST', '/consolidations', 'secretary', { requestId: 'consolidate-2026-10-c', month: MONTH, number: 12 }), 409, 'PLAN_DOCUMENT_NUMBER_TAKEN');
    const list = await ok('GET', `/consolidations?month=${MONTH}`, 'leader');
    assert.equal(list.items.length, 2);
    consolidationId = numbered.id;
    assert.equal(numbered.links.pdf, `/api/v1/plan/consolidations/${numbered.id}/pdf`);
  });

  it('prints the consolidated report as an A4 PDF in the administrative form', async () => {
    const response = await call('GET', `/consolidations/${consolidationId}/pdf`, 'leader');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="bao-cao-de-an-06-thang-2026-10-so-12\.pdf"/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-plan-'));
    try {
      fs.writeFileSync(path.join(dir, 'report.pdf'), response.rawPayload);
      const info = execFileSync('pdfinfo', [path.join(dir, 'report.pdf')], { encoding: 'utf8' });
      assert.match(info, /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      const text = execFileSync('pdftotext', [path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const expected of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 12/BC-TCTĐA06',
        'Duy Tiên, ngày 12 tháng 11 năm 2026',
        'Kết quả triển khai các mô hình Đề án 06 tháng 10/2026',
        'đã nhận báo cáo của 5/43 mô hình; trong đó 3 báo cáo đúng hạn (đến hết ngày 11/11/2026) và 2 báo cáo nộp muộn',
        'Mô hình 6: Khám chữa bệnh sử dụng thẻ CCCD và VNeID',
        'Tình trạng: hoàn thành, đạt 100%.',
        '10/10 cơ sở khám chữa bệnh tiếp nhận CCCD gắn chíp và VNeID khi đăng ký khám.',
        'Số cơ sở khám chữa bệnh tiếp nhận CCCD gắn chíp: 10 cơ sở',
        'Số giao dịch công chứng sử dụng VNeID: 412 giao dịch',
        'Tình trạng: vướng mắc, đạt 55% (báo cáo nộp muộn).',
        'Mô hình 31 (Phòng Giáo dục và Đào tạo thị xã): Chưa có kinh phí tích hợp đăng nhập VNeID cho giáo viên.',
        'Mô hình 6 (Phòng Y tế thị xã): Đề nghị duy trì kinh phí bảo trì thiết bị đọc.',
        'Nơi nhận:',
        'KT. TỔ TRƯỞNG',
        'PHÓ TỔ TRƯỞNG THƯỜNG TRỰC',
        'Trần Văn Minh',
      ]) {
        assert.ok(text.includes(expected), `the PDF says "${expected}"`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports the same report as a workbook', async () => {
    const response = await call('GET', `/consolidations/${consolidationId}/xlsx`, 'secretary');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const details = workbook.getWorksheet('Chi tiết mô hình')!;
    const row = (number: number) => details.getRow(number + 1);
    assert.deepEqual([row(6).getCell(1).value, row(6).getCell(7).value, row(6).getCell(9).value, row(6).getCell(10).value], [6, 'Đã báo cáo', 'hoàn thành', 100]);
    assert.deepEqual([row(31).getCell(8).value, row(31).getCell(9).value, row(31).getCell(12).value], ['Có', 'vướng mắc', 'Chưa có kinh phí tích hợp đăng nhập VNeID cho giáo viên.']);
    assert.equal(row(9).getCell(7).value, 'Chưa báo cáo', 'the police have not reported model 9');
    const summary = workbook.getWorksheet('Tổng hợp')!;
    const rows: unknown[][] = [];
    summary.eachRow((line) => rows.push((line.values as unknown[]).slice(1)));
    assert.ok(rows.some((line) => line[1] === 'Phòng Giáo dục và Đào tạo thị xã' && line[2] === 2 && line[3] === 2 && line[4] === 2));
    const figures = workbook.getWorksheet('Số liệu')!;
    const figureRows: unknown[][] = [];
    figures.eachRow((line, index) => index > 1 && figureRows.push((line.values as unknown[]).slice(1)));
    assert.deepEqual(figureRows, [
      [6, 'Số cơ sở khám chữa bệnh tiếp nhận CCCD gắn chíp', 10, 'cơ sở', 'Đơn vị nhập'],
      [8, 'Số giao dịch công chứng sử dụng VNeID', 412, 'giao dịch', 'Đơn vị nhập'],
    ]);
  });

  it('gives leaders an overview by group, by unit, with a timeline of deadlines and a model’s history', async () => {
    const overview = await ok('GET', `/overview?month=${MONTH}`, 'leader');
    assert.deepEqual(overview.reporting, { month: MONTH, dueAt: '2026-11-11T17:00:00.000Z', pastDue: true, expected: 43, submitted: 5, late: 2, missing: 38 });
    const group2 = overview.byGroup.find((group: { number: number }) => group.number === 2);
    assert.deepEqual(group2.counts, { completed: 1, in_progress: 3, blocked: 0, not_started: 0, not_reported: 13 });
    const group3 = overview.byGroup.find((group: { number: number }) => group.number === 3);
    assert.equal(group3.counts.blocked, 1);
    const education = overview.byUnit.find((entry: { unit: { id: string } }) => entry.unit.id === EDUCATION);
    assert.deepEqual([education.models, education.submitted, education.late], [[21, 31], 2, 2]);
    assert.equal(overview.timeline.length, 43);
    const byNumber = Object.fromEntries(overview.timeline.map((entry: { modelNumber: number; state: string }) => [entry.modelNumber, entry.state]));
    assert.deepEqual([byNumber[6], byNumber[7], byNumber[26], byNumber[2], byNumber[1]], ['done', 'overdue', 'recurring', 'conditional', 'unscheduled']);
    assert.equal(overview.timeline[0].deadline.date, '2023-09-30', 'the earliest deadline first (model 32)');
    const history = await ok('GET', '/models/8/history', 'leader');
    assert.equal(history.reports.length, 1);
    assert.equal(history.reports[0].actions.length, 6);
    assert.equal(history.leads[0].unit.id, JUSTICE);
  });
});
