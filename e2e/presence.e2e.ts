/**
 * Journeys of stays and entries (#7):
 * - a hotel operator scans two guests' cards with a keyboard-wedge scanner, one of them on the wanted list; the police
 *   screen, open in a second browser signed in as police, receives the alert live; the operator's receipt shows both
 *   guests and nothing of the alert or its reason; the officer acknowledges it;
 * - the network drops: the operator keeps adding guests (typed particulars, a passport), the notice waits in the
 *   device's queue and goes out when the network returns; an answer lost on the way is resent with the same request id
 *   and gets the first receipt back, with one notice on the server; a guest checks out;
 * - a site gate scans a person in and out and shows the occupancy;
 * - the police approve a pending establishment, read a hotel's current guests, compliance, a person's stays (purpose
 *   required) and the tourism statistics.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { cardHolders, cardQr, registerEstablishment, wantedHolder, type CardHolder } from './presence-support.ts';
import { Journey, launchBrowser, signIn, startPlatform, writeAxeSummary, type Account, type E2ePlatform } from './support.ts';

const WARD = '13324';
/** Words that would betray the alert to the operator (Vietnamese and English). */
const BETRAYING = ['truy', 'wanted', 'cảnh báo', 'alert'];

describe('stay notices, live police alerts and the offline queue', () => {
  let platform: E2ePlatform;
  let browser: Browser;
  let operator: Account;
  let police: Account;
  let gateKeeper: Account;
  let busDesk: Account;
  let hotelId: string;
  let pendingName: string;
  let guests: CardHolder[];
  let wanted: CardHolder & { wanted_reason: string };
  let operatorJourney: Journey | undefined;
  let policeJourney: Journey | undefined;

  before(async () => {
    platform = await startPlatform({ residents: 3000 });
    browser = await launchBrowser();
    hotelId = await registerEstablishment(platform, { kind: 'hotel', name: 'Khách sạn Sông Châu', address: 'Số 12 đường Lê Công Thanh, phường Duy Tiên', wardCode: WARD, capacity: 60 });
    const busId = await registerEstablishment(platform, { kind: 'bus_operator', name: 'Nhà xe Phúc Xuyên Duy Tiên', address: 'Bến xe Duy Tiên', wardCode: WARD });
    const siteId = await registerEstablishment(platform, { kind: 'tourist_site', name: 'Khu du lịch Tam Chúc — cổng số 1', address: 'Cổng số 1', wardCode: WARD, capacity: 500 });
    // An owner's registration waits for the police.
    pendingName = 'Nhà nghỉ Hoa Sữa';
    await platform.built.services.presence.registerEstablishment(
      { kind: 'user', id: 'owner-hoa-sua', roles: ['host'], wards: [], scopes: [] },
      { kind: 'guesthouse', name: pendingName, address: 'Tổ dân phố 3, phường Duy Tiên', wardCode: WARD },
      'e2e-pending-establishment',
    );
    guests = await cardHolders(platform, 4);
    wanted = await wantedHolder(platform);
    operator = await platform.createAccount({ username: 'letan.songchau', kind: 'business', displayName: 'Lễ tân Khách sạn Sông Châu', roles: ['host'], establishmentId: hotelId, establishmentKind: 'hotel' });
    busDesk = await platform.createAccount({ username: 'nhaxe.phucxuyen', kind: 'business', displayName: 'Nhà xe Phúc Xuyên', roles: ['host'], establishmentId: busId, establishmentKind: 'bus_operator' });
    gateKeeper = await platform.createAccount({ username: 'cong.tamchuc', kind: 'business', displayName: 'Cổng Khu du lịch Tam Chúc', roles: ['checkpoint_operator'], establishmentId: siteId, establishmentKind: 'site_gate' });
    police = await platform.createAccount({ username: 'canhsat.khuvuc', kind: 'staff', displayName: 'Thiếu tá Phạm Đức Long', roles: ['police'], wards: [WARD], totp: true });
  });

  after(async () => {
    writeAxeSummary('presence');
    await operatorJourney?.close();
    await policeJourney?.close();
    await browser?.close();
    await platform?.close();
  });

  /** Full-page screenshots start at the top, so the sticky header stays where it belongs. */
  const top = (page: Page) => page.evaluate('window.scrollTo(0, 0)');

  /** A keyboard-wedge scanner: it "types" the QR content (a byte-order mark first) into the focused field, then Enter. */
  async function scan(page: Page, text: string) {
    await page.getByTestId('scan-input').click();
    await page.keyboard.insertText(`\uFEFF${text}`);
    await page.keyboard.press('Enter');
  }

  async function noticeCount(): Promise<number> {
    const [row] = await platform.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM presence.stay_notice WHERE establishment_id = $1', [hotelId]);
    return row!.n;
  }

  it('an operator scans two guests, one wanted: the police screen gets the alert at once, the receipt says nothing of it', async () => {
    const started = Date.now();
    policeJourney = await Journey.start(browser, platform, 'presence-police');
    const policePage = policeJourney.page;
    await policeJourney.goto('/presence/alerts');
    await policePage.getByTestId('sign-in').click();
    await signIn(policeJourney, police);
    await policePage.locator('[data-testid=stream-state][data-state=live]').waitFor();

    operatorJourney = await Journey.start(browser, platform, 'presence-operator');
    const page = operatorJourney.page;
    await operatorJourney.goto('/presence/notice');
    await page.getByTestId('sign-in').click();
    await signIn(operatorJourney, operator);
    await page.getByTestId('establishment-name').waitFor();
    await operatorJourney.capture('01-notice-empty', async () => {
      await top(page);
      await page.getByTestId('scan-input').waitFor();
    });

    await scan(page, cardQr(guests[0]!));
    await page.getByTestId('guest-item').first().waitFor();
    await scan(page, cardQr(wanted));
    await page.getByTestId('guest-item').nth(1).waitFor();
    // A second read of the same card is not a second guest.
    await scan(page, cardQr(guests[0]!));
    await page.getByText('Người này đã có trong danh sách.').waitFor();
    assert.equal(await page.getByTestId('guest-item').count(), 2);
    await page.getByTestId('notice-room').fill('203');
    await operatorJourney.capture('02-guests-scanned', async () => {
      await top(page);
      await page.getByTestId('guest-list').waitFor();
    });

    const submittedAt = Date.now();
    await page.getByTestId('submit-notice').click();
    await page.getByTestId('receipt').waitFor();
    // The police screen has it within the second or so: pushed, not polled.
    const alert = policePage.locator(`[data-testid=alert-item][data-person="${wanted.person_id}"]`);
    await alert.waitFor({ timeout: 5000 });
    const delivered = Date.now() - submittedAt;
    assert.equal(await alert.getAttribute('data-flash'), 'true', 'a new alert flashes');
    assert.match(await policePage.getByTestId('alert-announcement').innerText(), new RegExp(wanted.full_name));
    await alert.getByTestId('alert-reason').waitFor();

    // The receipt: both guests, their deadline and timeliness — and not a word of the alert.
    const receipt = page.getByTestId('receipt');
    assert.match(await page.getByTestId('receipt-code').innerText(), new RegExp(`^LT${WARD}-\\d{8}-[0-9A-Z]{6,}$`));
    const receiptText = await receipt.innerText();
    assert.ok(receiptText.includes(guests[0]!.full_name) && receiptText.includes(wanted.full_name), 'both guests are on the receipt');
    const receiptHtml = (await receipt.evaluate((element) => element.outerHTML)).toLowerCase();
    const outcomeHtml = (await page.getByTestId('notice-outcome').evaluate((element) => element.outerHTML)).toLowerCase();
    for (const word of [...BETRAYING, wanted.wanted_reason.toLowerCase(), 'bỏ trốn', 'fugitive']) {
      assert.ok(!receiptHtml.includes(word) && !outcomeHtml.includes(word), `the receipt does not say "${word}"`);
    }
    await operatorJourney.capture('03-receipt', async () => {
      await top(page);
      await page.getByTestId('receipt').waitFor();
    });
    await policeJourney.capture('04-alert-live', async () => {
      await top(policePage);
      await alert.waitFor();
    });

    await alert.getByTestId('acknowledge').click();
    await alert.waitFor({ state: 'detached' });
    process.stdout.write(`  alert on the police screen ${delivered} ms after the operator pressed send; journey ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('offline, the operator keeps notifying: the queue waits, goes out when the network returns, and a lost answer is never a double', async () => {
    const started = Date.now();
    const page = operatorJourney!.page;
    const context = operatorJourney!.context;
    const before = await noticeCount();

    await context.setOffline(true);
    await page.locator('[data-testid=network-state][data-online=false]').waitFor();
    await page.getByTestId('guest-method').getByText('Nhập thông tin', { exact: true }).click();
    // Typed from the card: the date last, and Enter adds the guest (as a desk clerk would do it).
    await page.locator('#guest_personId').fill(guests[1]!.person_id);
    await page.locator('#guest_fullName').fill(guests[1]!.full_name);
    await page.locator('#guest_birthDate').click();
    await page.locator('#guest_birthDate').fill(guests[1]!.birth_date.split('-').reverse().join('/'));
    await page.locator('#guest_birthDate').press('Enter');
    await page.getByTestId('guest-item').first().waitFor();
    await page.getByTestId('guest-method').getByText('Người nước ngoài', { exact: true }).click();
    await page.locator('#passport_passportNumber').fill('M12345678');
    await page.locator('#passport_nationality').fill('KOR');
    await page.locator('#passport_fullName').fill('KIM MIN JI');
    await page.getByTestId('passport-form').locator('label').filter({ hasText: /^Nữ$/ }).click();
    await page.locator('#passport_birthDate').click();
    await page.locator('#passport_birthDate').fill('14/03/1994');
    await page.locator('#passport_birthDate').press('Enter');
    await page.getByTestId('guest-item').nth(1).waitFor();
    assert.equal(await page.getByTestId('guest-item').count(), 2);
    await page.getByTestId('submit-notice').click();
    await page.getByTestId('outcome-queued').waitFor();
    await page.locator('[data-testid=queue-item][data-state=pending]').waitFor();
    assert.match(await page.getByTestId('queue-count').innerText(), /1/);
    await operatorJourney!.capture('05-offline-queue', async () => {
      await top(page);
      await page.getByTestId('offline-banner').waitFor();
    });
    assert.equal(await noticeCount(), before, 'nothing reached the server while offline');

    // The network returns: the browser's `online` event sends the queue.
    await context.setOffline(false);
    await page.getByTestId('receipt').waitFor({ timeout: 10_000 });
    assert.match(await page.getByTestId('receipt').innerText(), /KIM MIN JI/);
    assert.equal(await noticeCount(), before + 1);

    // An answer lost on the way back: the server records the notice, the device sees a failure and keeps it queued.
    let lost = 0;
    await page.route('**/api/v1/presence/stay-notices', async (route) => {
      if (lost > 0) return route.continue();
      await route.fetch();
      lost += 1;
      await route.abort('connectionreset');
    });
    await page.getByTestId('guest-method').getByText('Quét mã', { exact: true }).click();
    await scan(page, cardQr(guests[2]!));
    await page.getByTestId('guest-item').first().waitFor();
    await page.getByTestId('submit-notice').click();
    await page.locator('[data-testid=queue-item][data-state=pending]').waitFor();
    assert.equal(lost, 1);
    assert.equal(await noticeCount(), before + 2, 'the first copy reached the server');
    await page.unroute('**/api/v1/presence/stay-notices');
    // The queue lives on the device: after a reload the page finds the notice still waiting and sends it again.
    await page.reload();
    await page.waitForFunction(
      `document.querySelectorAll('[data-testid=queue-item]').length === 3 && document.querySelectorAll('[data-testid=queue-item]:not([data-state=sent])').length === 0`,
    );
    await page.getByRole('button', { name: 'Xem biên nhận' }).first().click();
    await page.getByTestId('receipt').getByText(guests[2]!.full_name).waitFor();
    assert.match(await page.getByTestId('receipt').innerText(), /đã được ghi nhận từ lần gửi trước/);
    assert.equal(await noticeCount(), before + 2, 'the resend with the same request id recorded nothing new');

    // A guest checks out.
    const row = page.getByTestId('current-guests').getByText(guests[0]!.full_name);
    await row.waitFor();
    await page.getByRole('button', { name: `Trả phòng cho ${guests[0]!.full_name}` }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Trả phòng' }).click();
    await row.waitFor({ state: 'detached' });
    await operatorJourney!.capture('06-sent-and-guests', async () => {
      await top(page);
      await page.getByTestId('current-guests').waitFor();
    });
    process.stdout.write(`  offline queue journey: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('a bus operator sends a trip with its passenger list in one notice', async () => {
    const started = Date.now();
    const journey = await Journey.start(browser, platform, 'presence-bus');
    const page = journey.page;
    await journey.goto('/presence/notice');
    await page.getByTestId('sign-in').click();
    await signIn(journey, busDesk);
    await page.getByRole('heading', { name: 'Danh sách hành khách theo chuyến' }).waitFor();
    await scan(page, cardQr(guests[3]!));
    await page.getByTestId('guest-item').first().waitFor();
    // The trip is required: the form says so before anything is queued.
    await page.locator('#notice_tripRoute').fill('');
    await page.getByTestId('submit-notice').click();
    await page.getByText('Nhập Tuyến.').waitFor();
    await page.locator('#notice_tripRoute').fill('Duy Tiên – Mỹ Đình');
    await page.locator('#notice_tripPlate').fill('90b-123.45');
    await journey.capture('08-bus-trip', async () => {
      await top(page);
      await page.getByTestId('guest-list').waitFor();
    });
    await page.getByTestId('submit-notice').click();
    await page.getByTestId('receipt').getByText(guests[3]!.full_name).waitFor();
    const [trip] = await platform.kernel.db.query<{ route: string; plate: string }>(
      `SELECT trip_route AS route, trip_vehicle_plate AS plate FROM presence.stay_notice WHERE establishment_id = (SELECT id FROM presence.establishment WHERE name = 'Nhà xe Phúc Xuyên Duy Tiên')`,
    );
    assert.deepEqual(trip, { route: 'Duy Tiên – Mỹ Đình', plate: '90B-123.45' });
    await journey.close();
    process.stdout.write(`  bus journey: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('a site gate scans a person in and out and follows the occupancy', async () => {
    const started = Date.now();
    const journey = await Journey.start(browser, platform, 'presence-gate');
    const page = journey.page;
    await journey.goto('/presence/gate');
    await page.getByTestId('sign-in').click();
    await signIn(journey, gateKeeper);
    await page.getByTestId('site-name').waitFor();
    await scan(page, cardQr(guests[3]!));
    await page.getByTestId('gate-result').getByText(guests[3]!.full_name).waitFor();
    await page.waitForFunction(`document.querySelector('[data-testid=occupancy]').innerText.includes('1')`);
    await journey.capture('07-gate-in', async () => {
      await top(page);
      await page.getByTestId('gate-result').waitFor();
    });
    await page.getByTestId('gate-direction').getByText('Ra', { exact: true }).click();
    await scan(page, cardQr(guests[3]!));
    await page.getByTestId('gate-result').getByText('Đã ra').waitFor();
    await journey.close();
    process.stdout.write(`  gate journey: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });

  it('the police approve an establishment, read a hotel’s guests, compliance, a person’s stays and the tourism statistics', async () => {
    const started = Date.now();
    const page = policeJourney!.page;
    const journey = policeJourney!;
    await journey.goto('/presence/establishments');
    await page.getByTestId('establishments').getByText(pendingName).waitFor();
    await journey.capture('09-establishments-pending', async () => {
      await top(page);
      await page.getByTestId('establishments').waitFor();
    });
    await page.getByRole('button', { name: `Phê duyệt ${pendingName}` }).click();
    await page.getByTestId('establishments').getByText(pendingName).waitFor({ state: 'detached' });

    await journey.goto(`/presence/establishments/${hotelId}`);
    await page.getByTestId('establishment-guests').getByText(wanted.full_name).waitFor();
    await journey.capture('10-hotel-guests', async () => {
      await top(page);
      await page.getByTestId('establishment-guests').waitFor();
    });

    await journey.goto('/presence/compliance');
    await page.getByTestId('compliance-summary').waitFor();
    await journey.axe('11-compliance', 'vi-1280');
    await journey.screenshot('11-compliance', 'vi-1280');

    await journey.goto('/presence/person');
    await page.locator('#person_personId').fill(wanted.person_id);
    await page.getByTestId('person-read').click();
    await page.getByText('Chọn mục đích tra cứu.').waitFor();
    await page.locator('#person_purpose').click();
    await page.getByTitle('Xác minh nghiệp vụ công an').click();
    await page.getByTestId('person-read').click();
    await page.getByTestId('person-stays').getByText('Khách sạn Sông Châu').first().waitFor();
    await journey.capture('12-person', async () => {
      await top(page);
      await page.getByTestId('person-stays').waitFor();
    });

    await journey.goto('/presence/tourism');
    await page.locator('[data-testid=chart-per-day] svg').waitFor();
    const totals = await page.getByTestId('tourism-totals').innerText();
    assert.match(totals, /Lượt khách\s*[1-9]/);
    await journey.capture('13-tourism', async () => {
      await top(page);
      await page.locator('[data-testid=chart-per-day] svg').waitFor();
      await page.locator('[data-testid=chart-nationality] svg').waitFor();
    });
    process.stdout.write(`  police screens journey: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  });
});
