/**
 * Browser journeys' harness: the real platform in this process (PGlite copied from the migrated test template, a
 * small seeded town, the built web app), Debian's Chromium driven by playwright-core, axe-core on every screen, and
 * screenshots at 1280 px and 375 px, in Vietnamese and in English, under artifacts/e2e/.
 *
 * Rules the journeys rely on:
 * - the server listens on 127.0.0.1 with a port chosen by the system (port 0), and its PUBLIC_URL is that address,
 *   so the sign-in redirects, cookies and origin checks are the production ones;
 * - every journey gets a fresh browser context (no cookies, no storage from another journey);
 * - a screen with a serious or critical axe violation fails the journey; every screen is also checked for a
 *   page-wide horizontal scroll at 375 px (tables scroll inside their own box).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, type App } from '../server/src/app.ts';
import type { Role } from '../server/src/kernel/auth.ts';
import { systemClock, vietnamDate } from '../server/src/kernel/clock.ts';
import type { Kernel } from '../server/src/kernel/kernel.ts';
import { createLogger } from '../server/src/kernel/logger.ts';
import type { EstablishmentKind } from '../server/src/modules/identity/index.ts';
import { seedTown } from '../server/src/modules/registry/index.ts';
import { openKernel } from '../server/src/platform.ts';
import { openTestDatabase, REPO_ROOT, testConfig } from '../server/test/support.ts';

const require = createRequire(import.meta.url);
const WEB = path.join(REPO_ROOT, 'web');
const BUILT = path.join(WEB, 'dist', 'index.html');
export const ARTIFACTS = path.join(REPO_ROOT, 'artifacts', 'e2e');

export const PASSWORD = 'đò ngang qua sông Châu Giang lúc chiều';
export const WIDE = { width: 1280, height: 860 };
export const PHONE = { width: 375, height: 812 };

// ------------------------------------------------------------------------------------------------------------
// The web app build

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when a source under web/ is newer than the build (the rule of `npm start`, scripts/start.ts). */
export async function ensureWebBuild(): Promise<void> {
  if (fs.existsSync(BUILT) && fs.statSync(BUILT).mtimeMs >= newestSource(WEB)) return;
  const { build } = await import('vite');
  await build({ root: WEB, logLevel: 'warn', configFile: path.join(WEB, 'vite.config.ts') });
}

// ------------------------------------------------------------------------------------------------------------
// The platform

export interface E2ePlatform {
  url: string;
  kernel: Kernel;
  built: App;
  today: string;
  createAccount(input: AccountInput): Promise<Account>;
  close(): Promise<void>;
}

export interface AccountInput {
  username: string;
  kind: 'citizen' | 'staff' | 'business';
  displayName: string;
  roles: Role[];
  wards?: string[];
  personId?: string;
  eIdLevel?: 1 | 2;
  phone?: string;
  /** Staff sign in with a second factor: an authenticator secret is created for them. */
  totp?: boolean;
  establishmentId?: string;
  establishmentKind?: EstablishmentKind;
}

export interface Account {
  username: string;
  password: string;
  displayName: string;
  totpSecret: string | undefined;
}

export async function startPlatform(options: { residents?: number; seed?: number } = {}): Promise<E2ePlatform> {
  await ensureWebBuild();
  const database = await openTestDatabase();
  // The socket first, so that the platform's public address carries the port the system chose.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const config = testConfig({ publicUrl: url, demoResidents: 0, logLevel: process.env.E2E_LOG_LEVEL === 'debug' ? 'debug' : 'silent' });
  const kernel = await openKernel(config, { db: database.db, clock: systemClock, logger: createLogger(config.logLevel) });
  const built = await buildApp(kernel);
  await built.start();
  server.on('request', (request, response) => built.app.routing(request, response));
  const today = vietnamDate(new Date());
  await seedTown(kernel.db, { residents: options.residents ?? 3000, seed: options.seed ?? 6, today });

  return {
    url,
    kernel,
    built,
    today,
    async createAccount(input) {
      // ensureDemoAccount is the identity service's way to create an account with a known password (and an
      // authenticator secret), as the demo seed does; the journeys then sign in through the real login pages.
      const totpSecret = input.totp ? new OTPAuth.Secret({ size: 20 }).base32 : undefined;
      const created = await built.services.identity.ensureDemoAccount({
        username: input.username,
        kind: input.kind,
        displayName: input.displayName,
        password: PASSWORD,
        roles: input.roles,
        ...(input.wards ? { wards: input.wards } : {}),
        ...(input.personId ? { personId: input.personId } : {}),
        ...(input.eIdLevel ? { eIdLevel: input.eIdLevel } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
        ...(totpSecret ? { totpSecret } : {}),
        ...(input.establishmentId ? { establishmentId: input.establishmentId } : {}),
        ...(input.establishmentKind ? { establishmentKind: input.establishmentKind } : {}),
      });
      assert.ok(created, `account ${input.username} already existed`);
      return { username: input.username, password: PASSWORD, displayName: input.displayName, totpSecret };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await built.close();
      await database.drop();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** The authenticator app's current code; waits for the next 30-second step when `after` was this step's code. */
export async function totpCode(secret: string, after?: string): Promise<string> {
  const totp = new OTPAuth.TOTP({ issuer: 'DA06', label: 'e2e', algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
  let code = totp.generate();
  while (code === after) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    code = totp.generate();
  }
  return code;
}

// ------------------------------------------------------------------------------------------------------------
// The browser

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

export interface AxeRecord {
  journey: string;
  step: string;
  variant: string;
  url: string;
  serious: number;
  moderate: number;
  minor: number;
  ids: string[];
}

const axeRecords: AxeRecord[] = [];

export function axeSummary(): AxeRecord[] {
  return axeRecords;
}

export class Journey {
  readonly page: Page;
  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    page: Page,
    readonly baseUrl: string,
  ) {
    this.page = page;
  }

  static async start(browser: Browser, platform: E2ePlatform, name: string): Promise<Journey> {
    // bypassCSP: the provider's login pages allow only their own nonce-bearing scripts, and axe is injected.
    // reducedMotion: the app then turns Ant Design's animations off, so that axe never sees a colour mid-transition.
    const context = await browser.newContext({ viewport: WIDE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true, baseURL: platform.url, reducedMotion: 'reduce' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`[${name}] page error: ${error.message}\n`));
    return new Journey(name, context, page, platform.url);
  }

  async goto(pathname: string): Promise<void> {
    await this.page.goto(pathname);
  }

  /** axe-core on the page as it is: fails on serious or critical violations, records the rest. */
  async axe(step: string, variant: string): Promise<void> {
    const page = this.page;
    if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE });
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })`)) as { violations: AxeViolation[] };
    const blocking = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    axeRecords.push({
      journey: this.name,
      step,
      variant,
      url: page.url().replace(this.baseUrl, ''),
      serious: blocking.length,
      moderate: result.violations.filter((violation) => violation.impact === 'moderate').length,
      minor: result.violations.filter((violation) => violation.impact === 'minor').length,
      ids: result.violations.map((violation) => `${violation.id}:${violation.impact}`),
    });
    assert.equal(
      blocking.length,
      0,
      `axe: ${this.name}/${step} (${variant}) at ${page.url()}:\n` +
        blocking.map((violation) => `- ${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`.replace(/\n/g, ' ')).join('\n    ')}`).join('\n'),
    );
  }

  async screenshot(step: string, variant: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${this.name}-${step}-${variant}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** At 375 px, nothing but a table's own box may scroll sideways. */
  async assertNoHorizontalScroll(step: string): Promise<void> {
    const widths = (await this.page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
    if (widths[0] <= widths[1] + 1) return;
    // Name the widest culprits: elements reaching past the right edge whose parent does not.
    const culprits = (await this.page.evaluate(`[...document.querySelectorAll('body *')].filter((element) => {
      const right = element.getBoundingClientRect().right;
      const parent = element.parentElement ? element.parentElement.getBoundingClientRect().right : 0;
      return right > window.innerWidth + 1 && parent <= window.innerWidth + 1;
    }).slice(0, 5).map((element) => element.tagName.toLowerCase() + '.' + String(element.className).split(' ').slice(0, 2).join('.') + ' → ' + Math.round(element.getBoundingClientRect().right))`)) as string[];
    assert.fail(`${this.name}/${step}: the page scrolls sideways at ${widths[1]} px (content ${widths[0]} px wide): ${culprits.join('; ')}`);
  }

  async language(): Promise<string> {
    return (await this.page.evaluate('document.documentElement.lang')) as string;
  }

  /** Switches the UI language with the header's button and waits until <html lang> follows. */
  async switchLanguage(to: 'vi' | 'en'): Promise<void> {
    if ((await this.language()) === to) return;
    await this.page.getByTestId('language-switch').first().click();
    await this.page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(to)}`);
  }

  /**
   * One screen, four ways: 1280 px and 375 px, Vietnamese and English; axe on each, no sideways scroll on the phone.
   * `ready` waits for what the screen must show (run after each change). Ends in Vietnamese at 1280 px.
   */
  async capture(step: string, ready: () => Promise<void> = async () => undefined, options: { languages?: boolean } = {}): Promise<void> {
    const page = this.page;
    await this.switchLanguage('vi');
    await ready();
    await settle(page);
    await this.axe(step, 'vi-1280');
    await this.screenshot(step, 'vi-1280');
    await page.setViewportSize(PHONE);
    await settle(page);
    await ready();
    await this.assertNoHorizontalScroll(`${step} vi`);
    await this.axe(step, 'vi-375');
    await this.screenshot(step, 'vi-375');
    if (options.languages !== false) {
      await this.switchLanguage('en');
      await settle(page);
      await ready();
      await this.assertNoHorizontalScroll(`${step} en`);
      await this.axe(step, 'en-375');
      await this.screenshot(step, 'en-375');
      await page.setViewportSize(WIDE);
      await settle(page);
      await this.screenshot(step, 'en-1280');
      await this.switchLanguage('vi');
      await ready();
    } else {
      await page.setViewportSize(WIDE);
    }
    await settle(page);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Lets animations and layout finish (Ant Design animates drawers, tabs and messages for ~0.3 s). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  await page.waitForTimeout(350);
}

/** The last authenticator code used per secret: the provider accepts a code once (RFC 6238 §5.2, no replay). */
const usedCodes = new Map<string, string>();

/**
 * Signs in through the OpenID provider's pages: password, then (staff) the authenticator code. A second sign-in of
 * the same account within one 30-second step waits for the next code, as a person would.
 */
export async function signIn(journey: Journey, account: Account, options: { checkPages?: boolean } = {}): Promise<void> {
  const page = journey.page;
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.locator('#username').fill(account.username);
  await page.locator('#password').fill(account.password);
  if (options.checkPages) await journey.axe('provider-login', 'vi-1280');
  await page.locator('form[action$="/password"] button[type=submit]').click();
  if (account.totpSecret) {
    await page.waitForSelector('#code');
    const code = await totpCode(account.totpSecret, usedCodes.get(account.totpSecret));
    usedCodes.set(account.totpSecret, code);
    await page.locator('#code').fill(code);
    if (options.checkPages) await journey.axe('provider-totp', 'vi-1280');
    await page.locator('form[action$="/totp"] button[type=submit]').click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/oidc/') && !url.pathname.startsWith('/auth/'));
}

export function writeAxeSummary(name: string): void {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, `axe-${name}.json`), `${JSON.stringify(axeRecords, null, 2)}\n`);
}
