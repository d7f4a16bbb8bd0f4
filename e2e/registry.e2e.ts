/**
 * Journeys "police" and "citizen": a police officer signs in with a password and an authenticator code, finds
 * "Nguyễn Văn …" by typing "nguyen van", opens the record, records a card issuance (after the form's Vietnamese
 * validation messages); the resident then signs in as a citizen, sees their record, sees who read their data — the
 * officer's read included — and shows their rotating one-time QR code, which the registry accepts once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { Journey, launchBrowser, signIn, startPlatform, writeAxeSummary, type Account, type E2ePlatform } from './support.ts';

const POLICE_WARDS = ['13324', '13330'];

interface Target {
  person_id: string;
  full_name: string;
  ward_code: string;
}

/** Diacritics off, lower case: what the officer types. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

describe('police registry and the citizen who was looked up', () => {
  let platform: E2ePlatform;
  let browser: Browser;
  let police: Account;
  let citizen: Account;
  let target: Target;

  before(async () => {
    platform = await startPlatform({ residents: 3000 });
    browser = await launchBrowser();
    // The first living adult on the first page of "nguyen van" in the officer's wards (the registry's own order).
    const firstPage = await platform.kernel.db.query<Target & { status: string; birth_date: string }>(
      `SELECT p.person_id, p.full_name, p.ward_code, p.status, p.birth_date
         FROM registry.person_name_key k JOIN registry.person p ON p.person_id = k.person_id
        WHERE k.key LIKE 'nguyen van%' AND p.ward_code = ANY($1::text[])
        ORDER BY k.key, k.person_id LIMIT 20`,
      [POLICE_WARDS],
    );
    const adult = firstPage.find((row) => row.status === 'living' && row.birth_date <= '2005-01-01');
    assert.ok(adult, 'the seeded town has a living adult "Nguyễn Văn …" on the first page');
    target = adult;
    police = await platform.createAccount({ username: 'canbo.congan', kind: 'staff', displayName: 'Đại úy Trần Minh Quân', roles: ['police'], wards: POLICE_WARDS, totp: true });
    citizen = await platform.createAccount({ username: target.person_id, kind: 'citizen', displayName: target.full_name, roles: ['citizen'], personId: target.person_id, eIdLevel: 1, phone: '0912000111' });
  });

  after(async () => {
    writeAxeSummary('registry');
    await browser?.close();
    await platform?.close();
  });

  it('a police officer signs in with password and second factor, finds "Nguyễn Văn …" by typing "nguyen van", opens the record', async () => {
    const journey = await Journey.start(browser, platform, 'police');
    const page = journey.page;
    await journey.goto('/registry');
    await page.getByTestId('sign-in').waitFor();
    await journey.capture('01-sign-in-required', async () => {
      await page.getByTestId('sign-in').waitFor();
    });
    await page.getByTestId('sign-in').click();
    await signIn(journey, police, { checkPages: true });
    assert.equal(new URL(page.url()).pathname, '/registry', 'back where the sign-in started');
    // The ward context names the officer's wards (resolved from their codes).
    await page.waitForFunction(`[...document.querySelectorAll('[data-testid=ward-context]')].some((element) => /Phường/.test(element.textContent))`);
    await journey.capture('02-search', async () => {
      await page.getByTestId('resident-search').waitFor();
    });

    await page.locator('#q').fill('nguyen van');
    await page.locator('#q').press('Enter');
    await page.getByTestId('result-count').waitFor();
    const names = await page.getByTestId('resident-link').allInnerTexts();
    assert.ok(names.length > 0 && names.length <= 20, `one page of results (${names.length})`);
    for (const name of names) assert.match(plain(name), /nguyen van/, `"${name}" matches "nguyen van"`);
    assert.ok(names.includes(target.full_name), `${target.full_name} is on the first page`);
    await journey.capture('03-results', async () => {
      await page.getByTestId('resident-link').first().waitFor();
    });

    await page.getByTestId('resident-link').filter({ hasText: target.full_name }).first().click();
    await page.getByTestId('record-name').waitFor();
    assert.equal(await page.getByTestId('record-person-id').innerText(), target.person_id);
    await journey.capture('04-record', async () => {
      await page.getByTestId('record-name').waitFor();
    });

    // Record a card issuance: first the Vietnamese validation message, then the real thing.
    await page.getByTestId('action-card').click();
    await page.getByTestId('card-form-submit').click();
    await page.getByText('Hãy nhập Ngày cấp.').waitFor();
    await journey.screenshot('05-card-validation', 'vi-1280');
    await journey.axe('05-card-validation', 'vi-1280');
    await page.locator('#issueDate').click();
    await page.locator('#issueDate').fill(platform.today.split('-').reverse().join('/'));
    await page.locator('#issueDate').press('Enter');
    await page.getByTestId('card-form-submit').click();
    await page.getByTestId('card-form').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /Lịch sử/ }).click();
    await page.getByTestId('history').getByText('Cấp thẻ', { exact: true }).first().waitFor();
    await journey.capture('06-history-after-card', async () => {
      const tab = page.getByRole('tab', { name: /Lịch sử|History/ });
      if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
      await page.getByTestId('history').first().waitFor();
    });

    // A move within the town needs a ward and an address (or a household): said before anything is sent.
    await page.getByTestId('action-move').click();
    await page.getByTestId('move-form-submit').click();
    await page.getByText('Hãy nhập Ngày chuyển.').waitFor();
    await page.getByText('Chuyển trong thị xã cần mã phường mới và địa chỉ, hoặc mã hộ nhận.').first().waitFor();
    await journey.axe('07-move-validation', 'vi-1280');
    await journey.screenshot('07-move-validation', 'vi-1280');
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByTestId('move-form').waitFor({ state: 'detached' });

    // The birth form refuses an empty submission in Vietnamese.
    await journey.goto('/registry/births/new');
    await page.getByTestId('birth-submit').click();
    await page.getByText('Hãy nhập Họ và tên.').waitFor();
    await journey.capture('08-birth-form', async () => {
      await page.getByTestId('birth-form').waitFor();
    });
    await journey.close();
  });

  it('the citizen signs in and sees who read their data, the officer’s read included', async () => {
    const journey = await Journey.start(browser, platform, 'citizen');
    const page = journey.page;
    await journey.goto('/me');
    await page.getByTestId('sign-in').click();
    await signIn(journey, citizen);
    await page.getByTestId('record-name').waitFor();
    assert.equal(await page.getByTestId('record-name').innerText(), target.full_name);
    await journey.capture('01-my-record', async () => {
      await page.getByTestId('record-name').waitFor();
    });

    // Backend-for-frontend: the session cookie is out of the page's reach, no token is stored, and a state-changing
    // call without the session's CSRF header is refused.
    const exposed = (await page.evaluate('JSON.stringify([document.cookie, Object.keys(localStorage), Object.keys(sessionStorage)])')) as string;
    assert.ok(!exposed.includes('da06_session') && !/eyJ/.test(exposed), `nothing secret is readable by scripts: ${exposed}`);
    const forged = (await page.evaluate(`fetch('/api/v1/registry/presentation-codes', { method: 'POST', credentials: 'same-origin' }).then(async (r) => [r.status, (await r.json()).code])`)) as [number, string];
    assert.deepEqual(forged, [403, 'IDENTITY_CSRF_REJECTED']);

    await journey.goto('/me/data-access');
    await page.getByTestId('access-count').waitFor();
    const rows = page.getByTestId('data-access').locator('tr, li').filter({ hasText: 'Công an' }).filter({ hasText: 'Xem hồ sơ' });
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 1, 'the officer’s read of the record is listed');
    const searchRows = page.getByTestId('data-access').locator('tr, li').filter({ hasText: 'Công an' }).filter({ hasText: 'Tra cứu' });
    assert.ok((await searchRows.count()) >= 1, 'the officer’s search that listed the citizen is there too');
    await journey.capture('02-who-read-my-data', async () => {
      await page.getByTestId('access-count').waitFor();
    });

    await journey.goto('/me/qr');
    const qr = page.getByTestId('my-qr');
    await qr.waitFor();
    await page.getByTestId('qr-countdown').waitFor();
    const first = await page.getByTestId('qr-countdown').innerText();
    await page.waitForTimeout(2100);
    assert.notEqual(await page.getByTestId('qr-countdown').innerText(), first, 'the countdown moves');
    // The QR on screen decodes to a one-time code that the registry accepts once, for this citizen.
    const code = decodeQr(await qr.screenshot());
    assert.match(code, /^DA06P:/);
    const operator = { kind: 'user' as const, id: 'e2e-checkpoint', roles: ['checkpoint_operator' as const], wards: [], scopes: [] };
    const checked = await platform.built.services.registry.verify(operator, { appCode: code, purpose: 'medical_checkin' }, 'e2e-qr-check');
    assert.equal(checked.result, 'match');
    assert.equal(checked.person?.personId, target.person_id);
    await assert.rejects(platform.built.services.registry.verify(operator, { appCode: code, purpose: 'medical_checkin' }, 'e2e-qr-replay'), /invalid, expired or already used/);
    await journey.capture('03-my-qr', async () => {
      await page.getByTestId('my-qr').waitFor();
    });
    await journey.close();
  });
});

function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const decoded = jsQR.default(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
  assert.ok(decoded, 'the QR code on screen can be read');
  return decoded.data;
}
