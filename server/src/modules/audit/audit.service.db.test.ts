import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../kernel/auth.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';

const police: Actor = { kind: 'user', id: 'officer-7', roles: ['police'], wards: ['13324'], scopes: [] };

describe('the audit log is append-only and tamper-evident', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform();
  });
  after(() => platform.close());

  async function recordMany(count: number) {
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        platform.services.audit.record({
          actor: police,
          action: 'registry.resident.read',
          purpose: 'police_inquiry',
          legalBasis: 'Luật Cư trú 68/2020/QH14',
          subjectPersonId: `0350900${String(index).padStart(5, '0')}`,
          fields: ['fullName', 'birthDate'],
          requestId: `req-${index}`,
        }),
      ),
    );
  }

  it('groups concurrent entries into batches and resolves each entry once it is durable', async () => {
    await recordMany(300);
    const [counts] = await platform.kernel.db.query<{ entries: number; batches: number }>(
      'SELECT (SELECT count(*) FROM audit.entry) AS entries, (SELECT count(*) FROM audit.batch) AS batches',
    );
    assert.equal(counts!.entries, 300);
    assert.ok(counts!.batches < 300 / 5, `300 concurrent entries should need far fewer than 60 batches, took ${counts!.batches}`);
    const result = await platform.services.audit.verify();
    assert.deepEqual({ ok: result.ok, entries: result.entries }, { ok: true, entries: 300 });
  });

  it('refuses updates and deletes from the application', async () => {
    await assert.rejects(platform.kernel.db.query(`UPDATE audit.entry SET purpose = 'x'`), /append-only/);
    await assert.rejects(platform.kernel.db.query('DELETE FROM audit.entry'), /append-only/);
    await assert.rejects(platform.kernel.db.query('TRUNCATE audit.entry CASCADE'), /append-only/);
  });

  /** What an attacker with the database owner's rights does: switch the triggers off and edit. */
  async function tamper(sql: string, params: unknown[] = []) {
    await platform.kernel.db.withConnection(async (connection) => {
      await connection.exec(`SET session_replication_role = replica`);
      try {
        await connection.query(sql, params);
      } finally {
        await connection.exec(`SET session_replication_role = origin`);
      }
    });
  }

  it('names the first tampered entry after a direct database edit', async () => {
    const [victim] = await platform.kernel.db.query<{ id: number; batch_id: number; position: number }>(
      'SELECT id, batch_id, position FROM audit.entry ORDER BY id OFFSET 120 LIMIT 1',
    );
    const [original] = await platform.kernel.db.query<{ purpose: string }>('SELECT purpose FROM audit.entry WHERE id = $1', [victim!.id]);
    await tamper(`UPDATE audit.entry SET purpose = 'public_service' WHERE id = $1`, [victim!.id]);
    const result = await platform.services.audit.verify();
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.entryId, victim!.id);
    assert.equal(result.batchId, victim!.batch_id);
    assert.match(result.reason, /was altered/);
    await tamper(`UPDATE audit.entry SET purpose = $2 WHERE id = $1`, [victim!.id, original!.purpose]);
    assert.equal((await platform.services.audit.verify()).ok, true);
  });

  it('detects a deleted entry even when its hash is gone with it', async () => {
    const [victim] = await platform.kernel.db.query<{ id: number; batch_id: number }>('SELECT id, batch_id FROM audit.entry ORDER BY id DESC LIMIT 1');
    const [saved] = await platform.kernel.db.query<Record<string, unknown>>('SELECT * FROM audit.entry WHERE id = $1', [victim!.id]);
    await tamper('DELETE FROM audit.entry WHERE id = $1', [victim!.id]);
    const result = await platform.services.audit.verify();
    assert.ok(!result.ok);
    assert.equal(result.batchId, victim!.batch_id);
    assert.match(result.reason, /should hold/);
    const columns = Object.keys(saved!);
    await tamper(
      `INSERT INTO audit.entry (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
      columns.map((column) => (column === 'details' && saved![column] !== null ? JSON.stringify(saved![column]) : saved![column])),
    );
    assert.equal((await platform.services.audit.verify()).ok, true);
  });

  it('detects a forged entry hash (content and hash changed together) through the Merkle root', async () => {
    const [victim] = await platform.kernel.db.query<{ id: number; batch_id: number }>('SELECT id, batch_id FROM audit.entry ORDER BY id LIMIT 1');
    await tamper(`UPDATE audit.entry SET entry_hash = repeat('0', 64) WHERE id = $1`, [victim!.id]);
    const result = await platform.services.audit.verify();
    assert.ok(!result.ok);
    assert.equal(result.batchId, victim!.batch_id);
  });
});
