import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../kernel/auth.ts';
import { assertProblem } from '../../../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';

const citizenId = '035201000123';

describe('audit routes', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform();
    const officer: Actor = { kind: 'user', id: 'officer-1', roles: ['police'], wards: ['13324'], scopes: [] };
    await platform.services.audit.record({ actor: officer, action: 'registry.resident.read', purpose: 'police_inquiry', legalBasis: 'Luật Cư trú 68/2020/QH14', subjectPersonId: citizenId, fields: ['fullName'] });
    await platform.services.audit.record({ actor: officer, action: 'registry.resident.read', purpose: 'police_inquiry', legalBasis: 'Luật Cư trú 68/2020/QH14', subjectPersonId: '035201000999', fields: ['fullName'] });
  });
  after(() => platform.close());

  it('lets the SOC search the log, and records that search in the log', async () => {
    const token = await platform.token('soc_analyst', { sub: 'analyst-3' });
    const response = await platform.app.inject({ method: 'GET', url: `/api/v1/audit/entries?subject=${citizenId}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 200);
    const page = response.json();
    assert.equal(page.total, 1);
    assert.equal(page.items[0].actorId, 'officer-1');
    await platform.services.audit.flush();
    const [read] = await platform.kernel.db.query<{ actor_id: string; subject_person_id: string }>(`SELECT actor_id, subject_person_id FROM audit.entry WHERE action = 'audit.entries.read'`);
    assert.deepEqual(read, { actor_id: 'analyst-3', subject_person_id: citizenId });
  });

  it('shows a citizen who read their data, and nobody else’s', async () => {
    const token = await platform.token('citizen', { sub: 'citizen-account-1', personId: citizenId });
    const response = await platform.app.inject({ method: 'GET', url: '/api/v1/audit/my-data-access', headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.statusCode, 200);
    const page = response.json();
    // The officer's read and the analyst's search above; not the other citizen's entry.
    assert.equal(page.total, 2);
    assert.deepEqual(page.items.map((item: { action: string }) => item.action).sort(), ['audit.entries.read', 'registry.resident.read']);
    assert.equal(page.items[0].actorId, undefined, 'a citizen sees roles and purposes, not staff account ids');
  });

  it('tells a citizen account without a person that it has no log', async () => {
    const token = await platform.token('citizen');
    assertProblem(await platform.app.inject({ method: 'GET', url: '/api/v1/audit/my-data-access', headers: { authorization: `Bearer ${token}` } }), 403, 'AUDIT_NO_PERSON');
  });

  it('verifies the chain for administrators', async () => {
    const token = await platform.token('admin');
    const response = await platform.app.inject({ method: 'GET', url: '/api/v1/audit/verification', headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.json().ok, true);
  });

  it('rejects a reversed time range and bad filters', async () => {
    const token = await platform.token('admin');
    const headers = { authorization: `Bearer ${token}` };
    assertProblem(await platform.app.inject({ method: 'GET', url: '/api/v1/audit/entries?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', headers }), 400, 'AUDIT_BAD_RANGE');
    assertProblem(await platform.app.inject({ method: 'GET', url: `/api/v1/audit/entries?subject=12'; DROP TABLE audit.entry;--`, headers }), 400, 'VALIDATION_FAILED');
    assertProblem(await platform.app.inject({ method: 'GET', url: '/api/v1/audit/entries?pageSize=100000', headers }), 400, 'VALIDATION_FAILED');
  });

  it('denies other roles', async () => {
    for (const role of ['police', 'citizen', 'host', 'leader'] as const) {
      const token = await platform.token(role, { personId: citizenId });
      assertProblem(await platform.app.inject({ method: 'GET', url: '/api/v1/audit/entries', headers: { authorization: `Bearer ${token}` } }), 403, 'FORBIDDEN_ROLE');
    }
  });
});
