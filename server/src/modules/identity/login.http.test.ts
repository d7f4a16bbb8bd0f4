/**
 * The provider's login pages through a browser: brute-force protection, staff second factors, the level-2 step-up,
 * passkeys, and the web app's session (backend-for-frontend) that the login ends in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { FakeClock } from '../../kernel/clock.ts';
import { assertProblem } from '../../../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';
import { decodeHtml, seedPeople, SoftwarePasskey, TestBrowser, type SeededPerson } from './identity.test-support.ts';
import { totpCode } from './totp.ts';

const PASSWORD = 'bến đò Yên Lệnh lúc hoàng hôn';
const WRONG = 'chắc chắn không phải mật khẩu';

describe('login pages, brute force and second factors', () => {
  let platform: TestPlatform;
  let clock: FakeClock;
  let listenUrl: string;
  let publicUrl: string;
  let people: SeededPerson[];
  const accounts = new Map<string, string>();

  const browser = () => new TestBrowser(listenUrl, publicUrl);
  const bearer = async (role: Parameters<TestPlatform['token']>[0], options: Parameters<TestPlatform['token']>[1] = {}) => ({ authorization: `Bearer ${await platform.token(role, options)}` });

  async function registerCitizen(person: SeededPerson, phone: string): Promise<string> {
    const started = await platform.app.inject({ method: 'POST', url: '/api/v1/identity/registrations', payload: { personId: person.person_id, fullName: person.full_name, birthDate: person.birth_date, phone } });
    assert.equal(started.statusCode, 202, started.body);
    const code = /(\d{6})/.exec(platform.kernel.devInbox!.list(phone).at(-1)!.body)![1]!;
    const confirmed = await platform.app.inject({ method: 'POST', url: `/api/v1/identity/registrations/${started.json().registrationId}/confirmation`, payload: { code, password: PASSWORD } });
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    accounts.set(person.person_id, confirmed.json().accountId);
    return confirmed.json().accountId;
  }

  /** Opens the web app's sign-in and returns the login page. */
  async function loginPage(agent: TestBrowser, query = '') {
    const step = await agent.follow(`/auth/login${query}`);
    assert.equal(step.response.status, 200);
    const html = await step.response.text();
    assert.match(html, /<h1>Đăng nhập<\/h1>/);
    return { html, url: step.url };
  }

  async function passwordAttempt(agent: TestBrowser, page: { html: string; url: string }, username: string, password: string) {
    return agent.submit(page.html, '/password', { username, password }, page.url);
  }

  before(async () => {
    platform = await createTestPlatform();
    clock = platform.clock as FakeClock;
    await platform.app.listen({ host: '127.0.0.1', port: 0 });
    listenUrl = `http://127.0.0.1:${(platform.app.server.address() as { port: number }).port}`;
    publicUrl = platform.kernel.config.publicUrl;
    people = await seedPeople(platform.kernel.db, 4);
    await registerCitizen(people[0]!, '0912000001');
    await registerCitizen(people[1]!, '0912000002');
    await registerCitizen(people[2]!, '0912000003');
  });
  after(() => platform.close());

  it('signs a citizen in to the web app: an httpOnly session cookie, no token in the browser (BFF)', async () => {
    const agent = browser();
    const page = await loginPage(agent, '?returnTo=/ho-so?tab=1');
    const done = await passwordAttempt(agent, page, people[0]!.person_id, PASSWORD);
    assert.equal(done.url, `${publicUrl}/ho-so?tab=1`, 'back to returnTo after the callback');
    assert.ok(agent.cookies.has('da06_session'));
    const session = await agent.request('/auth/session');
    const body = (await session.json()) as Record<string, unknown>;
    assert.equal(body.authenticated, true);
    assert.equal(body.displayName, people[0]!.full_name);
    assert.deepEqual(body.roles, ['citizen']);
    assert.equal(body.eIdLevel, 1);
    assert.equal(body.acr, '1');
    assert.equal(typeof body.csrfToken, 'string');
    assert.ok(!JSON.stringify(body).includes('eyJ'), 'no token reaches the browser');
  });

  it('renders an accessible login page in Vietnamese with an English switch and a strict CSP (WCAG 2.2)', async () => {
    const agent = browser();
    const step = await agent.follow('/auth/login');
    const html = await step.response.text();
    assert.match(html, /<html lang="vi">/);
    assert.match(step.response.headers.get('content-security-policy') ?? '', /default-src 'none'.*frame-ancestors 'none'/);
    assert.equal(step.response.headers.get('cache-control'), 'no-store');
    for (const id of [...html.matchAll(/<input[^>]*type="(?:text|password)"[^>]*id="([^"]+)"/g)].map((match) => match[1])) {
      assert.match(html, new RegExp(`<label for="${id}">`), `input ${id} has a label`);
    }
    assert.ok(!/https?:\/\/(?!da06\.test)[a-z]/.test(html.replace(/action="[^"]*"/g, '')), 'no external assets');
    const switchHref = decodeHtml(/href="([^"]+\?lang=en)"/.exec(html)![1]!);
    const english = await (await agent.request(new URL(switchHref, step.url).href)).text();
    assert.match(english, /<html lang="en">/);
    assert.match(english, /<h1>Sign in<\/h1>/);
    const viaUiLocales = await browser().follow('/auth/login?lang=en');
    assert.match(await viaUiLocales.response.text(), /<h1>Sign in<\/h1>/, 'the relying party’s ui_locales choose the language');
  });

  it('answers an unknown name and a wrong password the same way (OWASP ASVS V6.3.8)', async () => {
    const agent = browser();
    const unknown = await passwordAttempt(agent, await loginPage(agent), '099999999999', PASSWORD);
    const wrong = await passwordAttempt(agent, await loginPage(agent), people[1]!.person_id, WRONG);
    assert.equal(unknown.response.status, 401);
    assert.equal(wrong.response.status, 401);
    const message = (html: string) => decodeHtml(/<p class="error" role="alert" id="form-error">([^<]+)<\/p>/.exec(html)?.[1] ?? '');
    const [a, b] = [message(await unknown.response.text()), message(await wrong.response.text())];
    assert.ok(a.startsWith('Tên đăng nhập hoặc mật khẩu không đúng'));
    assert.equal(a, b);
  });

  it('locks password login after ten failures, audits the lock and its end, and answers the right password like a wrong one meanwhile (OWASP ASVS V6.3.1)', async () => {
    const target = people[2]!;
    const agent = browser();
    let delayed = 0;
    for (let attempt = 1; attempt <= 10; attempt++) {
      const result = await passwordAttempt(agent, await loginPage(agent), target.person_id, WRONG);
      if (attempt < 10) assert.equal(result.response.status, 401, `attempt ${attempt}`);
      // Progressive delay: an attempt before the wait is over is refused without checking the password.
      const early = await passwordAttempt(agent, await loginPage(agent), target.person_id, WRONG);
      if (early.response.status === 429) {
        delayed += 1;
        assert.match(early.response.headers.get('retry-after') ?? '', /^\d+$/);
      }
      clock.advance(61_000);
    }
    assert.ok(delayed >= 5, 'delays start after the free attempts');
    await platform.services.audit.flush();
    const [locked] = await platform.kernel.db.query<{ details: { failures: number; knownName: boolean }; subject_person_id: string }>(
      `SELECT details, subject_person_id FROM audit.entry WHERE action = 'identity.account.locked' ORDER BY id DESC LIMIT 1`,
    );
    assert.ok(locked, 'the lock is audited');
    assert.equal(locked.subject_person_id, target.person_id);
    assert.equal(locked.details.knownName, true);

    clock.advance(60_000);
    const right = await passwordAttempt(agent, await loginPage(agent), target.person_id, PASSWORD);
    assert.equal(right.response.status, 401, 'the right password fails during the lock');
    assert.match(decodeHtml(await right.response.text()), /Tên đăng nhập hoặc mật khẩu không đúng/);

    clock.advance(15 * 60_000);
    assert.equal(await platform.services.identity.sweepEndedLocks(), 1);
    await platform.services.audit.flush();
    const [unlocked] = await platform.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.entry WHERE action = 'identity.account.unlocked' AND subject_person_id = $1`, [target.person_id]);
    assert.equal(unlocked!.n, 1, 'the end of the lock is audited once');
    const after = await passwordAttempt(agent, await loginPage(agent), target.person_id, PASSWORD);
    assert.ok(after.url.startsWith(publicUrl) && after.response.status === 200, 'the right password works after the lock');
  });

  it('refuses a login form posted from another site (login CSRF)', async () => {
    const agent = browser();
    const page = await loginPage(agent);
    const action = decodeHtml(/action="([^"]+\/password)"/.exec(page.html)![1]!);
    const response = await agent.request(new URL(action, page.url).href, { form: { username: people[0]!.person_id, password: PASSWORD }, headers: { origin: 'https://evil.example' } });
    assert.equal(response.status, 403);
    const stranger = browser();
    const forged = await stranger.request(new URL(action, page.url).href, { form: { username: people[0]!.person_id, password: PASSWORD } });
    assert.equal(forged.status, 400, 'without the interaction cookie the step is refused');
  });

  it('makes a new staff member replace the temporary password and enrol an authenticator, then asks for TOTP (RFC 6238)', async () => {
    const created = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/identity/accounts/staff',
      headers: await bearer('admin', { sub: 'admin-1', wards: ['*'] }),
      payload: { requestId: 'staff-police-0001', username: 'canbo.an', displayName: 'Trần Văn An', roles: ['police'], wards: ['13324'] },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { temporaryPassword, account } = created.json();
    assert.match(temporaryPassword, /^[A-Za-z2-9]{15}$/);

    const agent = browser();
    let step = await passwordAttempt(agent, await loginPage(agent), 'canbo.an', temporaryPassword);
    let html = await step.response.text();
    assert.match(html, /Đặt mật khẩu mới/);
    step = await agent.submit(html, '/new-password', { password: 'canbo.an', confirmation: 'canbo.an' }, step.url);
    assert.equal(step.response.status, 422);
    html = await step.response.text();
    assert.match(decodeHtml(html), /ít nhất 10 ký tự/, 'the password rules apply');
    step = await agent.submit(html, '/new-password', { password: 'gác cổng đền Lảnh Giang', confirmation: 'gác cổng đền Lảnh Giang' }, step.url);
    html = await step.response.text();
    assert.match(html, /Thiết lập ứng dụng xác thực/);
    assert.match(html, /<svg/, 'an inline QR code');
    const secret = /<span class="secret">([A-Z2-7 ]+)<\/span>/.exec(html)![1]!.replace(/ /g, '');
    step = await agent.submit(html, '/totp-enrolment', { code: '000000' === totpCode(secret, clock.now()) ? '111111' : '000000' }, step.url);
    assert.equal(step.response.status, 400, 'a wrong code is refused');
    html = await step.response.text();
    step = await agent.submit(html, '/totp-enrolment', { code: totpCode(secret, clock.now()) }, step.url);
    assert.equal(step.response.status, 200);
    const session = (await (await agent.request('/auth/session')).json()) as { roles: string[]; acr: string; wards: string[] };
    assert.deepEqual(session.roles, ['police']);
    assert.deepEqual(session.wards, ['13324']);
    assert.equal(session.acr, '2', 'staff sign in with two factors');

    // Next time: password, then a TOTP code of a new time step (a code is accepted once, RFC 6238 §5.2).
    const next = browser();
    step = await passwordAttempt(next, await loginPage(next), 'canbo.an', 'gác cổng đền Lảnh Giang');
    html = await step.response.text();
    assert.match(html, /Xác thực hai lớp/);
    const replay = await next.submit(html, '/totp', { code: totpCode(secret, clock.now()) }, step.url);
    assert.equal(replay.response.status, 400, 'the code already used is refused');
    clock.advance(30_000);
    step = await next.submit(await replay.response.text(), '/totp', { code: totpCode(secret, clock.now()) }, step.url);
    assert.equal(step.response.status, 200);
    assert.equal(((await (await next.request('/auth/session')).json()) as { authenticated: boolean }).authenticated, true);

    await platform.services.audit.flush();
    const audited = await platform.kernel.db.query<{ action: string }>(`SELECT action FROM audit.entry WHERE actor_id = $1 ORDER BY id`, [account.id]);
    assert.ok(audited.some((entry) => entry.action === 'identity.totp.enrol'));
    assert.ok(audited.some((entry) => entry.action === 'identity.login.success'));
  });

  it('steps a level-2 citizen up with an SMS code when level 2 is asked for (acr_values=2, Nghị định 69/2024/NĐ-CP)', async () => {
    const citizen = people[1]!;
    const granted = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/identity/level2-grants',
      headers: await bearer('police', { sub: 'officer-7', wards: [citizen.ward_code] }),
      payload: { requestId: 'level2-0000001', personId: citizen.person_id, method: 'in_person' },
    });
    assert.equal(granted.statusCode, 200, granted.body);
    assert.equal(granted.json().eIdLevel, 2);

    const agent = browser();
    // Plain login: level-2 account, one factor: acr "1".
    await passwordAttempt(agent, await loginPage(agent), citizen.person_id, PASSWORD);
    assert.equal(((await (await agent.request('/auth/session')).json()) as { acr: string }).acr, '1');
    // A service asks for level 2: the provider asks for the SMS code, even though the provider session exists.
    let step = await agent.follow('/auth/login?acr=2&returnTo=/dich-vu');
    let html = await step.response.text();
    if (/\/password"/.test(html)) {
      step = await passwordAttempt(agent, { html, url: step.url }, citizen.person_id, PASSWORD);
      html = await step.response.text();
    }
    assert.match(html, /Xác thực mức 2/);
    assert.match(html, /\*{7}002/, 'the phone number is masked');
    const code = /(\d{6})/.exec(platform.kernel.devInbox!.list('0912000002').at(-1)!.body)![1]!;
    step = await agent.submit(html, '/otp', { code }, step.url);
    assert.equal(step.url, `${publicUrl}/dich-vu`);
    const session = (await (await agent.request('/auth/session')).json()) as { acr: string; eIdLevel: number };
    assert.deepEqual([session.acr, session.eIdLevel], ['2', 2]);
  });

  it('registers a passkey and signs in with it, without a password (WebAuthn)', async () => {
    const citizen = people[0]!;
    const accountId = accounts.get(citizen.person_id)!;
    const headers = await bearer('citizen', { sub: accountId, personId: citizen.person_id });
    const options = await platform.app.inject({ method: 'POST', url: '/api/v1/identity/me/passkeys/options', headers });
    assert.equal(options.statusCode, 200, options.body);
    assert.equal(options.json().rp.id, 'da06.test');
    const authenticator = new SoftwarePasskey('da06.test', publicUrl);
    const registered = await platform.app.inject({ method: 'POST', url: '/api/v1/identity/me/passkeys', headers, payload: { label: 'Điện thoại', response: authenticator.register(options.json()) } });
    assert.equal(registered.statusCode, 201, registered.body);

    const agent = browser();
    const page = await loginPage(agent);
    const uidPath = /action="(\/oidc\/interaction\/[^/"]+)\/password"/.exec(page.html)![1]!;
    const loginOptions = await agent.request(`${uidPath}/passkey/options`, { method: 'POST' });
    assert.equal(loginOptions.status, 200);
    const assertion = authenticator.authenticate((await loginOptions.json()) as { challenge: string });
    const verified = await agent.request(`${uidPath}/passkey`, { json: { response: assertion } });
    assert.equal(verified.status, 200, await verified.clone().text());
    const { location } = (await verified.json()) as { location: string };
    const done = await agent.follow(location);
    assert.equal(done.response.status, 200);
    assert.equal(((await (await agent.request('/auth/session')).json()) as { displayName: string }).displayName, citizen.full_name);

    // The same assertion again (a replayed challenge, a counter that did not grow) is refused.
    const again = browser();
    const page2 = await loginPage(again);
    const uid2 = /action="(\/oidc\/interaction\/[^/"]+)\/password"/.exec(page2.html)![1]!;
    await again.request(`${uid2}/passkey/options`, { method: 'POST' });
    const replay = await again.request(`${uid2}/passkey`, { json: { response: assertion } });
    assert.equal(replay.status, 400);
  });

  describe('web session (backend-for-frontend)', () => {
    let agent: TestBrowser;
    let csrf: string;

    before(async () => {
      agent = browser();
      await passwordAttempt(agent, await loginPage(agent), people[0]!.person_id, PASSWORD);
      csrf = ((await (await agent.request('/auth/session')).json()) as { csrfToken: string }).csrfToken;
    });

    it('authenticates API calls with the session cookie', async () => {
      const me = await agent.request('/api/v1/identity/me');
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { username: string }).username, people[0]!.person_id);
    });

    it('refuses a state-changing cookie request without the CSRF header, and accepts it with it', async () => {
      const without = await agent.request('/api/v1/identity/me/totp', { method: 'POST' });
      assert.equal(without.status, 403);
      assert.equal(((await without.json()) as { code: string }).code, 'IDENTITY_CSRF_REJECTED');
      const wrong = await agent.request('/api/v1/identity/me/totp', { method: 'POST', headers: { 'x-da06-csrf': `${csrf}x` } });
      assert.equal(wrong.status, 403);
      const right = await agent.request('/api/v1/identity/me/totp', { method: 'POST', headers: { 'x-da06-csrf': csrf } });
      assert.equal(right.status, 200);
    });

    it('does not ask bearer-token requests for a CSRF token', async () => {
      const response = await platform.app.inject({ method: 'POST', url: '/api/v1/identity/me/totp', headers: await bearer('citizen', { sub: accounts.get(people[0]!.person_id)! }) });
      assert.equal(response.statusCode, 200);
    });

    it('refreshes the access token with the refresh token when it expires', async () => {
      const before = await platform.kernel.db.query<{ version: number }>('SELECT version FROM identity.web_session ORDER BY created_at DESC LIMIT 1');
      mock.timers.enable({ apis: ['Date'], now: Date.now() + 11 * 60_000 });
      try {
        const me = await agent.request('/api/v1/identity/me');
        assert.equal(me.status, 200);
      } finally {
        mock.timers.reset();
      }
      const refreshed = await platform.kernel.db.query<{ version: number }>('SELECT max(version) AS version FROM identity.web_session');
      assert.ok(refreshed[0]!.version > before[0]!.version, 'the session holds a new access token');
    });

    it('only returns to same-site paths (no open redirect, RFC 9700 §4.11)', async () => {
      for (const target of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
        const response = await platform.app.inject({ method: 'GET', url: `/auth/login?returnTo=${encodeURIComponent(target)}` });
        assertProblem(response, 400, 'IDENTITY_RETURN_TO_INVALID', target);
      }
    });

    it('refuses a callback whose state is not bound to this browser (RFC 6749 §10.12)', async () => {
      const response = await platform.app.inject({ method: 'GET', url: '/auth/callback?code=abc&state=forged-state' });
      assertProblem(response, 400, 'IDENTITY_SIGN_IN_INVALID');
    });

    it('signs out: the session ends and the provider end-session URL is given for RP-initiated logout', async () => {
      const refused = await agent.request('/auth/logout', { method: 'POST' });
      assert.equal(refused.status, 403, 'logout needs the CSRF header too');
      const response = await agent.request('/auth/logout', { method: 'POST', headers: { 'x-da06-csrf': csrf } });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { signedOut: boolean; endSessionUrl: string };
      assert.equal(body.signedOut, true);
      assert.match(body.endSessionUrl, /\/oidc\/session\/end\?/);
      assert.equal(((await (await agent.request('/auth/session')).json()) as { authenticated: boolean }).authenticated, false);
      assert.equal((await agent.request('/api/v1/identity/me')).status, 401);
    });
  });
});
