/**
 * Sends every route of the app the bad requests a careless or hostile client sends, and checks that each one gets
 * the right 4xx problem document: no token, a forged token, an expired token, a role the route does not allow,
 * broken JSON, a 2 MiB body, and a body of the wrong type. Used by app.http.test.ts over the whole platform.
 */
import assert from 'node:assert/strict';
import { SignJWT, generateKeyPair } from 'jose';
import { ROLES, type Role } from '../src/kernel/auth.ts';
import type { RouteInfo } from '../src/kernel/http.ts';
import { apiAudience, tokenIssuer } from '../src/kernel/kernel.ts';
import type { TestPlatform } from './support.ts';

/** A value for a path parameter, chosen by its name so that it passes simple pattern checks. */
function sampleParam(name: string): string {
  if (/person|resident|subject/i.test(name)) return '035090000001';
  if (/ward|unit_?code/i.test(name)) return '13324';
  if (/^code$/i.test(name)) return 'VALIDATION_FAILED';
  if (/month/i.test(name)) return '2026-10';
  if (/id$/i.test(name)) return '00000000-0000-4000-8000-000000000000';
  return 'x';
}

export function concreteUrl(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => sampleParam(name)).replace(/\*$/, 'some/page');
}

export function assertProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code?: string, where = '') {
  assert.equal(response.statusCode, status, `${where}: expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 300)}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/, `${where}: content type`);
  const problem = JSON.parse(response.body) as Record<string, unknown>;
  assert.equal(problem.status, status, `${where}: status member`);
  assert.equal(typeof problem.code, 'string', `${where}: code`);
  if (code) assert.equal(problem.code, code, `${where}: code`);
  assert.equal(typeof problem.detail, 'string');
  const messages = problem.messages as { vi: string; en: string };
  assert.ok(messages.vi.length > 0 && messages.en.length > 0, `${where}: both languages`);
  return problem;
}

export async function sweepRoutes(platform: TestPlatform, routes: RouteInfo[]): Promise<number> {
  const { privateKey: foreignKey } = await generateKeyPair('ES256');
  const forged = await new SignJWT({ roles: [...ROLES], wards: ['*'] })
    .setProtectedHeader({ alg: 'ES256', kid: platform.kernel.keys.current().kid })
    .setIssuer(tokenIssuer(platform.kernel.config))
    .setAudience(apiAudience(platform.kernel.config))
    .setSubject('mallory')
    .setExpirationTime('1h')
    .sign(foreignKey);
  // Signed with the platform's own key but not an access token (RFC 9068 §4: typ must be at+jwt), like an ID token.
  const notAnAccessToken = await new SignJWT({ roles: [...ROLES], wards: ['*'] })
    .setProtectedHeader({ alg: 'ES256', kid: platform.kernel.keys.current().kid, typ: 'JWT' })
    .setIssuer(tokenIssuer(platform.kernel.config))
    .setAudience(apiAudience(platform.kernel.config))
    .setSubject('id-token-replayed')
    .setExpirationTime('1h')
    .sign(platform.kernel.keys.current().privateKey);
  const expired = await platform.kernel.tokens.issue({ sub: 'late', roles: [...ROLES], wards: ['*'] }, { ttlSeconds: -60 });
  const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ROLES })).toString('base64url')}.`;
  let checks = 0;

  for (const route of routes) {
    const url = concreteUrl(route.url);
    const where = `${route.method} ${route.url}`;
    const send = (headers: Record<string, string>, payload?: string) =>
      platform.app.inject({ method: route.method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
    const jsonBody = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}';
    const jsonHeaders: Record<string, string> = jsonBody === undefined ? {} : { 'content-type': 'application/json' };

    const access = route.access;
    if ('roles' in access) {
      assertProblem(await send({ ...jsonHeaders }, jsonBody), 401, 'UNAUTHENTICATED', `${where} without token`);
      assertProblem(await send({ ...jsonHeaders, authorization: `Bearer ${forged}` }, jsonBody), 401, 'TOKEN_INVALID', `${where} forged token`);
      assertProblem(await send({ ...jsonHeaders, authorization: `Bearer ${unsigned}` }, jsonBody), 401, 'TOKEN_INVALID', `${where} alg=none token`);
      assertProblem(await send({ ...jsonHeaders, authorization: `Bearer ${notAnAccessToken}` }, jsonBody), 401, 'TOKEN_INVALID', `${where} typ=JWT token`);
      assertProblem(await send({ ...jsonHeaders, authorization: `Bearer ${expired}` }, jsonBody), 401, 'TOKEN_EXPIRED', `${where} expired token`);
      assertProblem(await send({ ...jsonHeaders, authorization: 'Basic YWRtaW46YWRtaW4=' }, jsonBody), 401, 'UNAUTHENTICATED', `${where} basic auth`);
      const wrongRole = ROLES.find((role) => !access.roles.includes(role));
      if (wrongRole) {
        const token = await platform.token(wrongRole, { wards: ['*'] });
        assertProblem(await send({ ...jsonHeaders, authorization: `Bearer ${token}` }, jsonBody), 403, 'FORBIDDEN_ROLE', `${where} as ${wrongRole}`);
      }
      checks += 6;
    }

    if (route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH') {
      const allowed: Role = 'roles' in access ? access.roles[0]! : 'citizen';
      const auth = { authorization: `Bearer ${await platform.token(allowed, { wards: ['*'], personId: '035090000001' })}` };
      assertProblem(await send({ ...auth, 'content-type': 'application/json' }, '{"broken": '), 400, 'MALFORMED_JSON', `${where} broken JSON`);
      assertProblem(await send({ ...auth, 'content-type': 'application/json' }, JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) })), 413, 'BODY_TOO_LARGE', `${where} 2 MiB`);
      if (route.hasBody) {
        for (const wrong of ['[1,2,3]', '"a string"', '42', '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}']) {
          const response = await send({ ...auth, 'content-type': 'application/json' }, wrong);
          assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${where} body ${wrong}: got ${response.statusCode} ${response.body.slice(0, 200)}`);
          assertProblem(response, response.statusCode, undefined, `${where} body ${wrong}`);
        }
        assertProblem(await send({ ...auth, 'content-type': 'text/plain' }, 'hello'), 415, 'UNSUPPORTED_MEDIA_TYPE', `${where} text/plain`);
        checks += 5;
      }
      checks += 2;
    }
  }
  return checks;
}
