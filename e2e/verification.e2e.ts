/**
 * Journeys "station" and "kiosk": a checkpoint operator (a hospital's reception) checks a generated resident's card
 * QR — green — and a tampered copy of it — red, with the field that differs; then the self-service kiosk: a person
 * types their particulars on the on-screen Vietnamese keyboard, sees their name, walks away, and after the idle time
 * the kiosk starts over with nothing of them left in the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatCardQr } from '../server/src/modules/registry/index.ts';
import { Journey, launchBrowser, signIn, startPlatform, writeAxeSummary, type Account, type E2ePlatform } from './support.ts';

interface CardHolder {
  person_id: string;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  permanent_address: string | null;
  old_ids: string[];
  issue_date: string;
}

describe('verification station and kiosk', () => {
  let platform: E2ePlatform;
  let browser: Browser;
  let operator: Account;
  let holder: CardHolder;
  let cardQr: string;
  let tamperedQr: string;

  before(async () => {
    platform = await startPlatform({ residents: 3000 });
    browser = await launchBrowser();
    // A living adult with a valid chip card, and a name whose letters need the keyboard's tone keys.
    const [row] = await platform.kernel.db.query<CardHolder>(
      `SELECT p.person_id, p.full_name, p.birth_date, p.sex, p.permanent_address, p.old_ids, c.issue_date
         FROM registry.person p JOIN registry.id_card c ON c.person_id = p.person_id
        WHERE p.status = 'living' AND p.birth_date BETWEEN '1960-01-01' AND '2000-01-01'
          AND c.status = 'active' AND c.card_type <> 'CMND' AND (c.expiry_date IS NULL OR c.expiry_date > $1)
          AND p.full_name ~ '[ễệắằẩẫờởữựịọ]'
        ORDER BY p.person_id LIMIT 1`,
      [platform.today],
    );
    assert.ok(row, 'a card holder in the seeded town');
    holder = row;
    const card = { personId: holder.person_id, oldId: holder.old_ids[0] ?? null, fullName: holder.full_name, birthDate: holder.birth_date, sex: holder.sex, address: holder.permanent_address ?? '', issueDate: holder.issue_date };
    cardQr = formatCardQr(card);
    // The same card with another birth date: what a forged or altered card would present.
    const year = Number(holder.birth_date.slice(0, 4)) + 1;
    tamperedQr = formatCardQr({ ...card, birthDate: `${year}${holder.birth_date.slice(4)}` });
    operator = await platform.createAccount({ username: 'letan.benhvien', kind: 'business', displayName: 'Lễ tân Bệnh viện Duy Tiên', roles: ['checkpoint_operator'], establishmentId: 'BV-DUYTIEN-01', establishmentKind: 'hospital' });
  });

  after(async () => {
    writeAxeSummary('verification');
    await browser?.close();
    await platform?.close();
  });

  /** What a keyboard-wedge scanner does: types the QR content into the focused field, then Enter. */
  async function scan(page: Page, text: string) {
    await page.getByTestId('scan-input').click();
    await page.keyboard.insertText(`\uFEFF${text}`);
    await page.keyboard.press('Enter');
  }

  it('the station shows a match for a resident’s card QR and a mismatch for a tampered one', async () => {
    const journey = await Journey.start(browser, platform, 'station');
    const page = journey.page;
    await journey.goto('/verify');
    await page.getByTestId('sign-in').click();
    await signIn(journey, operator);
    await page.getByTestId('scan-input').waitFor();
    await journey.capture('01-ready', async () => {
      await page.getByTestId('scan-input').waitFor();
    });

    // Hospital reception: medical check-in.
    await page.locator('#purpose').click();
    await page.getByTitle('Khám, chữa bệnh').click();
    await scan(page, cardQr);
    const result = page.getByTestId('verification-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-result'), 'match');
    assert.equal(await result.getAttribute('data-verdict'), 'green');
    assert.equal(await page.getByTestId('verified-name').innerText(), holder.full_name);
    await journey.capture('02-match', async () => {
      await page.getByTestId('verification-result').waitFor();
    });

    await page.getByTestId('verify-next').click();
    await scan(page, tamperedQr);
    await page.locator('[data-testid=verification-result][data-result=mismatch]').waitFor();
    assert.equal(await result.getAttribute('data-verdict'), 'red');
    assert.match(await page.getByTestId('mismatched-fields').innerText(), /Ngày sinh/);
    assert.equal(await page.getByTestId('verified-name').count(), 0, 'a mismatch reveals nothing about the registered person');
    await journey.capture('03-mismatch', async () => {
      await page.getByTestId('verification-result').waitFor();
    });
    await journey.close();
  });

  it('the kiosk takes particulars on its on-screen keyboard, then resets after the idle time and forgets the person', async () => {
    const journey = await Journey.start(browser, platform, 'kiosk');
    const page = journey.page;
    await journey.goto('/kiosk?idle=5');
    await page.getByTestId('sign-in').click();
    await signIn(journey, operator);
    await page.getByTestId('kiosk').waitFor();
    await journey.capture('01-start', async () => {
      await page.getByTestId('scan-input').waitFor();
    });

    await page.getByTestId('kiosk-type').click();
    await page.getByTestId('kiosk-personId').click();
    for (const digit of holder.person_id) await page.getByTestId(`key-${digit}`).click();
    await page.getByTestId('kiosk-fullName').click();
    for (const key of keysFor(holder.full_name)) await page.getByTestId(key).click();
    assert.equal(await page.getByTestId('kiosk-fullName').inputValue(), holder.full_name, 'the on-screen keyboard typed the name with its tones');
    await page.getByTestId('kiosk-birthDate').click();
    for (const digit of holder.birth_date.split('-').reverse().join('')) await page.getByTestId(`key-${digit}`).click();
    await journey.screenshot('02-particulars', 'vi-1280');
    await journey.axe('02-particulars', 'vi-1280');
    await page.getByTestId('kiosk-check').click();

    const result = page.getByTestId('verification-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-result'), 'match');
    assert.ok((await page.content()).includes(holder.full_name));
    await journey.screenshot('03-result', 'vi-1280');
    await journey.axe('03-result', 'vi-1280');

    // The person walks away: the countdown appears, then the kiosk starts over.
    await page.getByTestId('kiosk-countdown').waitFor({ timeout: 10_000 });
    await journey.screenshot('04-countdown', 'vi-1280');
    await journey.axe('04-countdown', 'vi-1280');
    await page.getByTestId('verification-result').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('scan-input').waitFor();
    const html = await page.content();
    assert.ok(!html.includes(holder.full_name), 'the previous person’s name is gone from the page');
    assert.ok(!html.includes(holder.person_id), 'the previous person’s id number is gone from the page');
    assert.equal(await page.getByTestId('kiosk-countdown').count(), 0);
    await journey.screenshot('05-after-reset', 'vi-1280');

    // A card scan works at the kiosk too, at phone width.
    await page.setViewportSize({ width: 375, height: 812 });
    await scan(page, cardQr);
    await page.locator('[data-testid=verification-result][data-result=match]').waitFor();
    await journey.assertNoHorizontalScroll('kiosk result');
    await journey.screenshot('06-scan-result', 'vi-375');
    await journey.axe('06-scan-result', 'vi-375');
    await page.getByTestId('kiosk-done').click();
    await page.getByTestId('scan-input').waitFor();
    assert.ok(!(await page.content()).includes(holder.full_name), '"Xong" forgets the person at once');
    await journey.close();
  });
});

/** The on-screen keys that type `name`: base letters (Ă, Â, Đ, Ê, Ô, Ơ, Ư have their own), then the tone key. */
function keysFor(name: string): string[] {
  const tones: Record<string, string> = { '\u0301': 'sac', '\u0300': 'huyen', '\u0309': 'hoi', '\u0303': 'nga', '\u0323': 'nang' };
  const keys: string[] = [];
  for (const character of name.normalize('NFC')) {
    if (character === ' ') {
      keys.push('key-space');
      continue;
    }
    const parts = [...character.normalize('NFD')];
    const tone = parts.find((part) => tones[part]);
    const base = parts.filter((part) => !tones[part]).join('').normalize('NFC').toLocaleUpperCase('vi');
    keys.push(`key-${base}`);
    if (tone) keys.push(`key-tone-${tones[tone]}`);
  }
  return keys;
}
