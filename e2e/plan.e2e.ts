/**
 * Journeys of the plan (#6): the police unit's reporter fills in model 9's monthly report (live figures prefilled and
 * marked), saves a draft and submits it; the standing agency's secretary sees it on the month's picture, returns it
 * with a comment, the reporter corrects and resubmits, the secretary accepts it and issues the town's consolidated
 * report, then downloads it as a PDF (checked to be one, page 1 rendered with pdftoppm into artifacts/e2e/) and as
 * an XLSX; a leader reads the overview (charts by group and unit, the deadline timeline) and the model's history.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { displayMonth, createStaffWithUnit, reportingMonth } from './plan-support.ts';
import { ARTIFACTS, Journey, launchBrowser, signIn, startPlatform, writeAxeSummary, type Account, type E2ePlatform } from './support.ts';

const MODEL = 9;
const UNIT = 'cong-an-thi-xa';

describe('monthly reports of the plan, from the unit to the consolidated PDF', () => {
  let platform: E2ePlatform;
  let browser: Browser;
  let reporter: Account;
  let secretary: Account;
  let leader: Account;
  let month: string;
  let reporterJourney: Journey | undefined;
  let secretaryJourney: Journey | undefined;

  before(async () => {
    platform = await startPlatform({ residents: 400 });
    browser = await launchBrowser();
    month = reportingMonth(platform.today);
    reporter = await createStaffWithUnit(platform, { username: 'baocao.congan', displayName: 'Thượng úy Lê Thu Hà', roles: ['unit_reporter'], unitId: UNIT });
    secretary = await platform.createAccount({ username: 'thuky.tocongtac', kind: 'staff', displayName: 'Nguyễn Thị Hồng Nhung', roles: ['working_group_secretary'], wards: ['*'], totp: true });
    leader = await platform.createAccount({ username: 'lanhdao.thixa', kind: 'staff', displayName: 'Phó Chủ tịch Trần Văn Bình', roles: ['leader'], wards: ['*'], totp: true });
  });

  after(async () => {
    writeAxeSummary('plan');
    await reporterJourney?.close();
    await secretaryJourney?.close();
    await browser?.close();
    await platform?.close();
  });

  const status = (page: Page) => page.getByTestId('report-state').getByTestId('report-status');
  /** Full-page screenshots start at the top, so the sticky header stays where it belongs. */
  const top = (page: Page) => page.evaluate('window.scrollTo(0, 0)');

  it('a unit reporter sees the month, fills in model 9 with its live figures, saves a draft and submits', async () => {
    const started = Date.now();
    reporterJourney = await Journey.start(browser, platform, 'plan-reporter');
    const page = reporterJourney.page;
    await reporterJourney.goto('/plan/reports');
    await page.getByTestId('sign-in').click();
    await signIn(reporterJourney, reporter);
    await page.getByTestId(`open-report-${MODEL}`).waitFor();
    assert.match(await page.getByTestId('unit-deadline').innerText(), new RegExp(`${displayMonth(month)}.*11/`));
    await reporterJourney.capture('01-unit-month', async () => {
      await top(page);
      await page.getByTestId(`open-report-${MODEL}`).waitFor();
      await page.getByTestId('plan-notifications').waitFor();
    });

    await page.getByTestId(`open-report-${MODEL}`).click();
    await page.getByTestId('report-form').waitFor();
    assert.equal(new URL(page.url()).pathname, `/plan/reports/${month}/${MODEL}`);
    // Model 9's figures come from the presence module, prefilled and marked as live.
    assert.ok((await page.getByTestId('figure-live').count()) >= 1, 'a live figure is prefilled and marked');
    assert.equal(await status(page).getAttribute('data-status'), 'not_started');

    // Submitting an empty report is stopped beside the fields, before anything is sent.
    await page.getByTestId('submit-report').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.getByText('Chọn tình hình triển khai.').waitFor();

    await page.getByTestId('implementation-status').getByText('Đang triển khai', { exact: true }).click();
    await page.locator('#progressPercent').fill('60');
    await page.locator('#results').fill('Các khách sạn, nhà nghỉ trên địa bàn thông báo lưu trú qua DA06; công an phường kiểm tra 12 cơ sở.');
    await page.locator('#proposals').fill('Đề nghị hỗ trợ máy quét mã QR cho các nhà nghỉ nhỏ.');
    await page.getByTestId('save-draft').click();
    await page.getByTestId('history-entry').and(page.locator('[data-action=save_draft]')).waitFor();
    assert.equal(await status(page).getAttribute('data-status'), 'draft');
    await reporterJourney.capture('02-report-draft', async () => {
      await top(page);
      await page.getByTestId('report-form').waitFor();
    });

    await page.getByTestId('submit-report').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.locator('[data-testid=report-state] [data-status=submitted]').waitFor();
    // Submission locks the report: the form gives way to the read-only content.
    await page.getByTestId('report-content').waitFor();
    assert.equal(await page.getByTestId('report-form').count(), 0);
    assert.match(await page.getByTestId('report-state').innerText(), /Đúng hạn/);
    await reporterJourney.capture('03-submitted', async () => {
      await top(page);
      await page.getByTestId('report-content').waitFor();
    });
    process.stdout.write(`  reporter journey: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('the secretary sees who reported, returns the report with a comment, the unit corrects it, the secretary accepts it', async () => {
    const started = Date.now();
    secretaryJourney = await Journey.start(browser, platform, 'plan-secretary');
    const page = secretaryJourney.page;
    await secretaryJourney.goto(`/plan/submissions?month=${month}`);
    await page.getByTestId('sign-in').click();
    await signIn(secretaryJourney, secretary);
    await page.getByTestId('submission-totals').waitFor();
    await page.getByTestId(`submission-model-${MODEL}`).waitFor();
    // Reminders ran when the platform started: last month's reports are overdue for every unit.
    await page.getByTestId('plan-notification').first().waitFor();
    await secretaryJourney.capture('04-submissions', async () => {
      await top(page);
      await page.getByTestId('submission-totals').waitFor();
      await page.getByTestId('submissions-models').waitFor();
    });

    await page.getByTestId(`submission-model-${MODEL}`).click();
    await page.getByTestId('return-report').click();
    await page.getByTestId('review-submit').click();
    await page.getByText('Nêu ý kiến để đơn vị chỉnh sửa.').waitFor();
    await page.getByTestId('review-comment').fill('Bổ sung số cơ sở lưu trú đã kết nối và số lượt khách trong tháng.');
    await page.getByTestId('review-submit').click();
    await page.locator('[data-testid=report-state] [data-status=returned]').waitFor();

    // The unit sees the comment and corrects the report.
    const unitPage = reporterJourney!.page;
    await unitPage.reload();
    await unitPage.getByTestId('return-comment').waitFor();
    assert.match(await unitPage.getByTestId('return-comment').innerText(), /Bổ sung số cơ sở lưu trú/);
    await reporterJourney!.capture('05-returned', async () => {
      await top(unitPage);
      await unitPage.getByTestId('return-comment').waitFor();
      await unitPage.getByTestId('report-form').waitFor();
    });
    await unitPage.locator('#results').fill('38 cơ sở lưu trú đã kết nối DA06; 1.240 lượt khách được thông báo trong tháng; công an phường kiểm tra 12 cơ sở.');
    await unitPage.getByTestId('submit-report').click();
    await unitPage.locator('.ant-popconfirm').getByRole('button', { name: 'Nộp báo cáo' }).click();
    await unitPage.locator('[data-testid=report-state] [data-status=submitted]').waitFor();

    await page.reload();
    await page.getByTestId('accept-report').click();
    await page.getByTestId('review-submit').click();
    await page.locator('[data-testid=report-state] [data-status=accepted]').waitFor();
    const actions = await page.getByTestId('history-entry').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-action')));
    assert.deepEqual(actions, ['accept', 'submit', 'return', 'submit', 'save_draft'], 'the action log, newest first');
    await secretaryJourney.capture('06-accepted', async () => {
      await top(page);
      await page.getByTestId('report-history').waitFor();
    });
    process.stdout.write(`  secretary review: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('the secretary issues the consolidated report and downloads it as a PDF and an XLSX', async () => {
    const started = Date.now();
    const page = secretaryJourney!.page;
    await secretaryJourney!.goto(`/plan/consolidations?month=${month}`);
    await page.getByTestId('issue-consolidation').click();
    await page.locator('#signerName').fill('Nguyễn Văn Hùng');
    await page.getByTestId('consolidation-submit').click();
    await page.getByTestId('document-number').first().waitFor();
    const number = await page.getByTestId('document-number').first().innerText();
    assert.match(number, /^\d+\/BC-/);
    await secretaryJourney!.capture('07-consolidations', async () => {
      await top(page);
      await page.getByTestId('document-number').first().waitFor();
    });

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').first().click()]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pdfFile = path.join(ARTIFACTS, 'plan-consolidated.pdf');
    await pdf.saveAs(pdfFile);
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    assert.equal(fs.readFileSync(pdfFile).subarray(0, 5).toString('latin1'), '%PDF-', 'the download is a PDF');
    const href = await page.getByTestId('download-pdf').first().getAttribute('href');
    const response = await page.request.get(href!);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /^application\/pdf/);
    // Page 1 as a picture, to look at: pdftoppm writes plan-consolidated-1.png (or -01 for longer documents).
    for (const stale of fs.readdirSync(ARTIFACTS).filter((name) => /^plan-consolidated-\d+\.png$/.test(name))) fs.rmSync(path.join(ARTIFACTS, stale));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile, path.join(ARTIFACTS, 'plan-consolidated')]);
    assert.ok(fs.readdirSync(ARTIFACTS).some((name) => /^plan-consolidated-0*1\.png$/.test(name)), 'page 1 rendered');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').first().click()]);
    const xlsxFile = path.join(ARTIFACTS, 'plan-consolidated.xlsx');
    await xlsx.saveAs(xlsxFile);
    assert.equal(fs.readFileSync(xlsxFile).subarray(0, 2).toString('latin1'), 'PK', 'the workbook is a zip (OOXML)');
    // The standing agency's reminders, all of them.
    await secretaryJourney!.goto('/plan/notifications');
    await page.getByTestId('plan-notification').first().waitFor();
    await secretaryJourney!.axe('08-notifications', 'vi-1280');
    await secretaryJourney!.screenshot('08-notifications', 'vi-1280');
    process.stdout.write(`  consolidation and downloads: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('a leader reads the overview (groups, units, deadlines) and the model’s history', async () => {
    const started = Date.now();
    const journey = await Journey.start(browser, platform, 'plan-leader');
    const page = journey.page;
    await journey.goto(`/plan/overview?month=${month}`);
    await page.getByTestId('sign-in').click();
    await signIn(journey, leader);
    await page.locator('[data-testid=chart-groups] svg').waitFor();
    await page.getByTestId('deadline-timeline').waitFor();
    assert.match(await page.getByTestId('overview-reporting').innerText(), /Đã nộp\s*1\b/);
    await journey.capture('09-overview', async () => {
      await top(page);
      await page.locator('[data-testid=chart-groups] svg').waitFor();
      await page.locator('[data-testid=chart-units] svg').waitFor();
    });

    await journey.goto('/plan/models');
    await page.getByTestId('models').getByRole('link', { name: new RegExp(`^Mô hình ${MODEL} `) }).waitFor();
    await journey.axe('10-models', 'vi-1280');
    await journey.screenshot('10-models', 'vi-1280');

    await journey.goto(`/plan/models/${MODEL}`);
    await page.getByTestId('model-reports').waitFor();
    await page.getByTestId('model-reports').getByText(displayMonth(month)).click();
    await page.getByTestId('model-reports').getByTestId('report-history').waitFor();
    await journey.capture('11-model-history', async () => {
      await top(page);
      await page.getByTestId('model-detail').waitFor();
      await page.getByTestId('model-reports').waitFor();
    });
    await journey.close();
    process.stdout.write(`  leader journey: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
});
