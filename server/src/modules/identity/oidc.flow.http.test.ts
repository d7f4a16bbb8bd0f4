/**
 * The OpenID provider driven by openid-client as relying party, over a real socket: discovery, login, consent, token,
 * userinfo, refresh, logout; client credentials; and the refusals the RFCs require.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import * as client from 'openid-client';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { assertProblem } from '../../../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';
import { seedPeople, TestBrowser, type SeededPerson } from './identity.test-support.ts';

const PASSWORD = 'mua thu Ha Nam trong xanh';

/** The OAuth error code of a refusal, from the JSON body or from a WWW-Authenticate challenge (RFC 6750 §3). */
function oauthError(error: unknown): string | undefined {
  const refusal = error as { error?: string; cause?: Array<{ parameters?: { error?: string } }> };
  return refusal.error ?? (Array.isArray(refusal.cause) ? refusal.cause[0]?.parameters?.error : undefined);
}

describe('OpenID Connect provider (openid-client as relying party)', () => {
  let platform: TestPlatform;
  let listenUrl: string;
  let publicUrl: string;
  let citizen: SeededPerson;
  let accountId: string;
  let school: { clientId: string; secret: string };
  let hospital: { clientId: string; secret: string };
  let agency: { clientId: string; secret: string };

  const admin = async () => (await platform.token('admin', { sub: 'admin-1', wards: ['*'] })) as string;

  async function registerClient(body: Record<string, unknown>) {
    const response = await platform.app.inject({ method: 'POST', url: '/api/v1/identity/clients', headers: { authorization: `Bearer ${await admin()}` }, payload: body });
    assert.equal(response.statusCode, 201, response.body);
    const created = response.json();
    return { clientId: created.client.clientId as string, secret: created.clientSecret as string };
  }

  async function registerCitizen(person: SeededPerson, phone: string, password: string): Promise<string> {
    const started = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/identity/registrations',
      payload: { personId: person.person_id, fullName: person.full_name, birthDate: person.birth_date, phone },
    });
    assert.equal(started.statusCode, 202, started.body);
    const message = platform.kernel.devInbox!.list(phone).at(-1)!;
    const code = /(\d{6})/.exec(message.body)![1]!;
    const confirmed = await platform.app.inject({ method: 'POST', url: `/api/v1/identity/registrations/${started.json().registrationId}/confirmation`, payload: { code, password } });
    assert.equal(confirmed.statusCode, 201, confirmed.body);
    return confirmed.json().accountId;
  }

  /** A relying party's configuration, its HTTP going to the test listener. */
  async function relyingParty(registered: { clientId: string; secret: string }) {
    return client.discovery(new URL(`${publicUrl}/oidc`), registered.clientId, undefined, client.ClientSecretBasic(registered.secret), {
      [client.customFetch]: (url, options) => fetch(url.replace(publicUrl, listenUrl), options as RequestInit),
      execute: [client.allowInsecureRequests],
    });
  }

  /** Runs the browser through login (and consent) and returns the relying party's callback URL. */
  async function signIn(browser: TestBrowser, authorizationUrl: URL, options: { consent?: 'allow' | 'deny'; password?: string } = {}): Promise<URL> {
    let step = await browser.follow(authorizationUrl.href);
    if (step.response.status === 200 && step.url.includes('/interaction/')) {
      const html = await step.response.text();
      if (html.includes('/password"')) {
        step = await browser.submit(html, '/password', { username: citizen.person_id, password: options.password ?? PASSWORD }, step.url);
      } else {
        step = { ...step };
        step.response = new Response(html, { status: 200 });
      }
    }
    if (!step.leftTo) {
      assert.equal(step.response.status, 200, `expected the consent page at ${step.url}`);
      const html = await step.response.text();
      assert.match(html, /Cho phép chia sẻ thông tin/);
      step = await browser.submit(html, '/consent', { decision: options.consent ?? 'allow' }, step.url);
    }
    assert.ok(step.leftTo, `the provider should redirect back to the relying party (status ${step.response.status})`);
    return new URL(step.leftTo);
  }

  async function authorizationRequest(config: client.Configuration, parameters: Record<string, string> = {}) {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: 'http://school.test/callback',
      scope: 'openid profile birthdate',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...parameters,
    });
    return { url, verifier, state, nonce };
  }

  before(async () => {
    platform = await createTestPlatform();
    await platform.app.listen({ host: '127.0.0.1', port: 0 });
    const address = platform.app.server.address() as { port: number };
    listenUrl = `http://127.0.0.1:${address.port}`;
    publicUrl = platform.kernel.config.publicUrl;
    citizen = (await seedPeople(platform.kernel.db, 1))[0]!;
    accountId = await registerCitizen(citizen, '0912345678', PASSWORD);
    school = await registerClient({
      requestId: 'client-school-1',
      name: 'Trường THCS Duy Tiên',
      kind: 'relying_party',
      purpose: 'Giáo viên đăng nhập hệ thống quản lý trường học',
      redirectUris: ['http://school.test/callback'],
      postLogoutRedirectUris: ['http://school.test/'],
      scopes: ['openid', 'profile', 'birthdate'],
    });
    hospital = await registerClient({
      requestId: 'client-hospital-1',
      name: 'Bệnh viện Đa khoa Duy Tiên',
      kind: 'relying_party',
      purpose: 'Bệnh nhân đăng nhập cổng đặt lịch khám',
      redirectUris: ['http://hospital.test/callback'],
      scopes: ['openid', 'profile'],
    });
    agency = await registerClient({ requestId: 'client-agency-1', name: 'Hệ thống một cửa tỉnh', kind: 'agency', purpose: 'Tra cứu hồ sơ thủ tục hành chính', scopes: ['api'] });
  });
  after(() => platform.close());

  it('publishes discovery with PKCE S256 only, pairwise subjects and acr 1/2 (OIDC Discovery 1.0)', async () => {
    const config = await relyingParty(school);
    const metadata = config.serverMetadata();
    assert.equal(metadata.issuer, `${publicUrl}/oidc`);
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(metadata.subject_types_supported, ['public', 'pairwise']);
    assert.deepEqual(metadata.acr_values_supported, ['1', '2']);
    assert.deepEqual(metadata.id_token_signing_alg_values_supported, ['ES256']);
    assert.ok(metadata.scopes_supported?.includes('person_id'));
  });

  it('runs the authorization code flow with PKCE: login, consent, token, userinfo, refresh, logout (RFC 6749 §4.1, RFC 7636, OIDC Core)', async () => {
    const config = await relyingParty(school);
    const browser = new TestBrowser(listenUrl, publicUrl);
    const request = await authorizationRequest(config);
    const callback = await signIn(browser, request.url);
    assert.equal(callback.origin + callback.pathname, 'http://school.test/callback');
    assert.equal(callback.searchParams.get('iss'), `${publicUrl}/oidc`, 'RFC 9207 iss parameter');

    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state, expectedNonce: request.nonce });
    const claims = tokens.claims()!;
    assert.notEqual(claims.sub, accountId, 'a relying party gets a pairwise subject, not the account id');
    assert.equal(claims.acr, '1');
    assert.equal(decodeProtectedHeader(tokens.id_token!).alg, 'ES256');
    assert.ok(tokens.refresh_token, 'a refresh token is issued');

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(userinfo.name, citizen.full_name);
    assert.equal(userinfo.birthdate, citizen.birth_date);
    assert.equal(userinfo.pid, undefined, 'no personal id number without the person_id scope');

    await platform.services.audit.flush();
    const released = await platform.kernel.db.query<{ fields: string[] }>(`SELECT fields FROM audit.entry WHERE action = 'identity.claims.release' AND subject_person_id = $1`, [citizen.person_id]);
    assert.ok(released.some((entry) => entry.fields.includes('birthDate')), 'the release of registry data is audited');

    // A second sign-in at the same provider session needs no password (single sign-on), nor consent again.
    const again = await authorizationRequest(config);
    const second = await browser.follow(again.url.href);
    assert.ok(second.leftTo?.startsWith('http://school.test/callback'), 'single sign-on without a login page');

    // Refresh: the refresh token rotates; replaying the old one is refused and revokes the grant (RFC 9700 §4.14.2).
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(refreshed.access_token);
    assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
    const rotated = await client.refreshTokenGrant(config, refreshed.refresh_token!);
    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token!), (error: unknown) => oauthError(error) === 'invalid_grant');
    await assert.rejects(client.refreshTokenGrant(config, rotated.refresh_token!), (error: unknown) => oauthError(error) === 'invalid_grant', 'the whole grant is revoked');

    // RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): confirmation page, then back to the RP.
    const logout = client.buildEndSessionUrl(config, { id_token_hint: rotated.id_token ?? tokens.id_token!, post_logout_redirect_uri: 'http://school.test/' });
    const page = await browser.follow(logout.href);
    const html = await page.response.text();
    assert.match(html, /Bạn có muốn đăng xuất/);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(xsrf);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    const done = await browser.follow(new URL(action, page.url).href, { form: { xsrf, logout: 'yes' } });
    assert.equal(done.leftTo, 'http://school.test/');
    // The session is gone: a new authorization request shows the login page again.
    const afterLogout = await browser.follow((await authorizationRequest(config)).url.href);
    assert.match(await afterLogout.response.text(), /Đăng nhập/);
  });

  it('gives two relying parties different subjects for the same citizen (OIDC Core §8.1 pairwise)', async () => {
    const subjects: string[] = [];
    for (const [registered, redirect] of [
      [school, 'http://school.test/callback'],
      [hospital, 'http://hospital.test/callback'],
    ] as const) {
      const config = await relyingParty(registered);
      const request = await authorizationRequest(config, { redirect_uri: redirect, scope: 'openid profile' });
      const callback = await signIn(new TestBrowser(listenUrl, publicUrl), request.url);
      const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state, expectedNonce: request.nonce });
      subjects.push(tokens.claims()!.sub);
    }
    assert.equal(subjects.length, 2);
    assert.notEqual(subjects[0], subjects[1]);
    assert.ok(!subjects.includes(accountId));
  });

  it('lists the person’s consents and withdraws one, which revokes its tokens (Luật BVDLCN 91/2025/QH15)', async () => {
    const config = await relyingParty(hospital);
    const request = await authorizationRequest(config, { redirect_uri: 'http://hospital.test/callback', scope: 'openid profile' });
    const tokens = await client.authorizationCodeGrant(config, await signIn(new TestBrowser(listenUrl, publicUrl), request.url), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
    });
    const headers = { authorization: `Bearer ${await platform.token('citizen', { sub: accountId, personId: citizen.person_id })}` };
    const listed = await platform.app.inject({ method: 'GET', url: '/api/v1/identity/me/consents', headers });
    const consent = listed.json().find((item: { clientId: string }) => item.clientId === hospital.clientId);
    assert.deepEqual([consent.clientName, consent.scopes], ['Bệnh viện Đa khoa Duy Tiên', ['openid', 'profile']]);
    const withdrawn = await platform.app.inject({ method: 'DELETE', url: `/api/v1/identity/me/consents/${hospital.clientId}`, headers });
    assert.equal(withdrawn.json().withdrawn, true);
    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token!), (error: unknown) => oauthError(error) === 'invalid_grant');
    assert.equal((await fetch(`${listenUrl}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status, 401);
  });

  it('answers an unknown path under /oidc with a problem document', async () => {
    assertProblem(await platform.app.inject({ method: 'GET', url: '/oidc/nothing-here' }), 404, 'ROUTE_NOT_FOUND');
  });

  it('refuses a wrong code verifier (RFC 7636 §4.6)', async () => {
    const config = await relyingParty(school);
    const request = await authorizationRequest(config);
    const callback = await signIn(new TestBrowser(listenUrl, publicUrl), request.url);
    await assert.rejects(
      client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: request.state, expectedNonce: request.nonce }),
      (error: unknown) => oauthError(error) === 'invalid_grant',
    );
  });

  it('refuses an authorization request without PKCE or with the plain method (RFC 7636 §4.4.1, RFC 9700 §2.1.1)', async () => {
    const browser = new TestBrowser(listenUrl, publicUrl);
    const base = `${publicUrl}/oidc/auth?client_id=${school.clientId}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('http://school.test/callback')}&state=s1`;
    const none = await browser.follow(base);
    assert.match(none.leftTo ?? '', /error=invalid_request/);
    const plain = await browser.follow(`${base}&code_challenge=${'a'.repeat(43)}&code_challenge_method=plain`);
    assert.match(plain.leftTo ?? '', /error=invalid_request/);
  });

  it('refuses a replayed authorization code and revokes what it issued (RFC 6749 §4.1.2, §10.5)', async () => {
    const config = await relyingParty(school);
    const request = await authorizationRequest(config);
    const callback = await signIn(new TestBrowser(listenUrl, publicUrl), request.url);
    const checks = { pkceCodeVerifier: request.verifier, expectedState: request.state, expectedNonce: request.nonce };
    const first = await client.authorizationCodeGrant(config, callback, checks);
    await assert.rejects(client.authorizationCodeGrant(config, callback, checks), (error: unknown) => oauthError(error) === 'invalid_grant');
    await assert.rejects(client.refreshTokenGrant(config, first.refresh_token!), (error: unknown) => oauthError(error) === 'invalid_grant', 'the grant of a replayed code is revoked');
  });

  it('refuses an unregistered redirect URI without redirecting to it (RFC 6749 §3.1.2.4, §4.1.2.1)', async () => {
    const config = await relyingParty(school);
    const request = await authorizationRequest(config, { redirect_uri: 'http://evil.test/callback' });
    const step = await new TestBrowser(listenUrl, publicUrl).follow(request.url.href);
    assert.equal(step.leftTo, undefined, 'never redirect to an unregistered URI');
    assert.equal(step.response.status, 400);
    assert.match(await step.response.text(), /redirect_uri/);
  });

  it('refuses a token request whose redirect URI differs from the authorization request (RFC 6749 §4.1.3)', async () => {
    const config = await relyingParty(school);
    const request = await authorizationRequest(config);
    const callback = await signIn(new TestBrowser(listenUrl, publicUrl), request.url);
    const response = await fetch(`${listenUrl}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${school.clientId}:${school.secret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: 'http://school.test/other', code_verifier: request.verifier }),
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_grant');
  });

  it('issues client-credentials JWTs for the platform API to agency systems (RFC 6749 §4.4, RFC 9068)', async () => {
    const config = await relyingParty(agency);
    const tokens = await client.clientCredentialsGrant(config, { scope: 'api' });
    const header = decodeProtectedHeader(tokens.access_token);
    assert.equal(header.typ, 'at+jwt');
    assert.equal(header.kid, platform.kernel.keys.current().kid);
    const payload = decodeJwt(tokens.access_token);
    assert.equal(payload.iss, `${publicUrl}/oidc`);
    assert.equal(payload.aud, `${publicUrl}/api`);
    assert.equal(payload.sub, agency.clientId);
    const actor = await platform.kernel.tokens.verify(tokens.access_token);
    assert.deepEqual({ kind: actor.kind, roles: actor.roles, clientId: actor.clientId }, { kind: 'client', roles: ['agency_client'], clientId: agency.clientId });

    await assert.rejects(client.clientCredentialsGrant(await relyingParty({ clientId: agency.clientId, secret: 'not-the-secret' }), { scope: 'api' }), (error: unknown) => oauthError(error) === 'invalid_client');
    await assert.rejects(client.clientCredentialsGrant(config, { scope: 'api', resource: 'https://elsewhere.example/api' }), (error: unknown) => oauthError(error) === 'invalid_target');
    // A relying party is not registered for client credentials (oidc-provider answers invalid_request for it).
    await assert.rejects(client.clientCredentialsGrant(await relyingParty(school), { scope: 'api' }), (error: unknown) => ['invalid_request', 'unauthorized_client'].includes(oauthError(error) ?? ''));
  });

  it('gives the platform API no token meant for another audience, and no expired one (RFC 9068 §4, RFC 8707)', async () => {
    const config = await relyingParty(school);
    const request = await authorizationRequest(config);
    const callback = await signIn(new TestBrowser(listenUrl, publicUrl), request.url);
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: request.verifier, expectedState: request.state, expectedNonce: request.nonce });
    const api = (token: string) => platform.app.inject({ method: 'GET', url: '/api/v1/identity/me', headers: { authorization: `Bearer ${token}` } });
    // The ID token (aud = the client) and the relying party's userinfo token (opaque) are not API tokens.
    assertProblem(await api(tokens.id_token!), 401, 'TOKEN_INVALID');
    assertProblem(await api(tokens.access_token), 401, 'TOKEN_INVALID');
    // A relying party without API access cannot ask for the API as its resource.
    await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token!, { resource: `${publicUrl}/api` }), (error: unknown) => oauthError(error) === 'invalid_target');

    const agencyToken = (await client.clientCredentialsGrant(await relyingParty(agency), { scope: 'api' })).access_token;
    assert.equal((await platform.kernel.tokens.verify(agencyToken)).id, agency.clientId);
    mock.timers.enable({ apis: ['Date'], now: Date.now() + 11 * 60_000 });
    try {
      await assert.rejects(platform.kernel.tokens.verify(agencyToken), (error: { code?: string }) => error.code === 'TOKEN_EXPIRED');
      const userinfo = await fetch(`${listenUrl}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      assert.equal(userinfo.status, 401, 'an expired access token is refused at userinfo');
    } finally {
      mock.timers.reset();
    }
  });

  it('signs with the new key after a rotation while tokens signed with the old key still verify (RFC 7517 key rollover)', async () => {
    const config = await relyingParty(agency);
    const before = (await client.clientCredentialsGrant(config, { scope: 'api' })).access_token;
    const oldKid = decodeProtectedHeader(before).kid;
    const rotated = await platform.app.inject({ method: 'POST', url: '/api/v1/identity/signing-keys/rotation', headers: { authorization: `Bearer ${await admin()}` } });
    assert.equal(rotated.statusCode, 200, rotated.body);
    const after = (await client.clientCredentialsGrant(config, { scope: 'api' })).access_token;
    assert.equal(decodeProtectedHeader(after).kid, rotated.json().kid);
    assert.notEqual(decodeProtectedHeader(after).kid, oldKid);
    const jwks = (await (await fetch(`${listenUrl}/oidc/jwks`)).json()) as { keys: Array<{ kid: string; d?: string }> };
    assert.deepEqual(new Set(jwks.keys.map((key) => key.kid)), new Set([oldKid, rotated.json().kid]));
    assert.ok(jwks.keys.every((key) => key.d === undefined), 'the JWKS holds public keys only');
    assert.equal((await platform.kernel.tokens.verify(before)).id, agency.clientId);
    assert.equal((await platform.kernel.tokens.verify(after)).id, agency.clientId);
  });
});
