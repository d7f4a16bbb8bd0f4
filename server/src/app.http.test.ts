import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, sweepRoutes } from '../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../test/support.ts';

describe('the HTTP kernel', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform();
  });
  after(() => platform.close());

  it('answers health and readiness', async () => {
    const health = await platform.app.inject({ method: 'GET', url: '/healthz' });
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await platform.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
    assert.equal(ready.json().migrations, platform.kernel.migrations.length);
  });

  it('is not ready while a migration is pending', async () => {
    const original = platform.kernel.migrations;
    platform.kernel.migrations = [...original, { module: 'zz', name: '0001-create-later.sql', sql: 'SELECT 1', checksum: 'x' }];
    try {
      const problem = assertProblem(await platform.app.inject({ method: 'GET', url: '/readyz' }), 503, 'NOT_READY');
      assert.match(String(problem.detail), /1 migrations pending/);
    } finally {
      platform.kernel.migrations = original;
    }
  });

  it('answers unknown routes with a 404 problem document in the requested language', async () => {
    const vi = assertProblem(await platform.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' }), 404, 'ROUTE_NOT_FOUND');
    assert.equal(vi.detail, 'Không có địa chỉ GET /api/v1/nothing-here trên DA06. Xem danh sách tại /api/docs.');
    assert.equal(vi.title, 'Không tìm thấy');
    const en = assertProblem(await platform.app.inject({ method: 'DELETE', url: '/nope', headers: { 'accept-language': 'en-GB,en;q=0.9' } }), 404);
    assert.equal(en.detail, 'There is no DELETE /nope on DA06. See /api/docs for the list.');
    assert.equal(en.title, 'Not Found');
    assert.equal(en.type, '/api/problems/ROUTE_NOT_FOUND');
  });

  it('echoes a well-formed client request id and replaces a malformed one', async () => {
    const kept = await platform.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'kiosk-42-abcdef' } });
    assert.equal(kept.headers['x-request-id'], 'kiosk-42-abcdef');
    const replaced = await platform.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': '<script>' } });
    assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('publishes an OpenAPI 3.1 document of every route and a browsable UI', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.paths['/api/v1/audit/entries'].get.security);
    assert.match(document.paths['/api/v1/audit/entries'].get.description, /soc_analyst/);
    const ui = await platform.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(ui.statusCode, 200);
    assert.match(ui.body, /swagger/i);
  });

  it('lists its problem types', async () => {
    const response = await platform.app.inject({ method: 'GET', url: '/api/problems/BODY_TOO_LARGE' });
    assert.deepEqual(response.json(), { code: 'BODY_TOO_LARGE', status: 413, vi: 'Nội dung gửi lên quá lớn (tối đa {limit} byte).', en: 'The request body is too large (at most {limit} bytes).' });
    assertProblem(await platform.app.inject({ method: 'GET', url: '/api/problems/NOPE' }), 404);
    assertProblem(await platform.app.inject({ method: 'GET', url: '/api/problems/bad-code!' }), 400, 'VALIDATION_FAILED');
  });

  it('refuses every protected route without the right token and role, and bad bodies everywhere', async () => {
    const checks = await sweepRoutes(platform, platform.built.routes);
    assert.ok(platform.built.routes.length >= 6, 'the sweep must see the routes');
    assert.ok(checks > 10);
  });

  it('refuses to start when a route declares no access policy', async () => {
    const Fastify = (await import('fastify')).default;
    const { installHttpKernel } = await import('./kernel/http.ts');
    const bare = Fastify();
    installHttpKernel(bare, { tokens: platform.kernel.tokens, bodyLimit: 1024 });
    assert.throws(() => bare.get('/open', async () => 'oops'), /declares no access policy/);
    await bare.close();
  });
});
