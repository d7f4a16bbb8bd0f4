import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_TOTP_SECRET, prepareDemoAccounts } from '../../demo.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';
import { seedTown } from '../registry/index.ts';
import { createIdentityModule } from './index.ts';
import { TEST_TODAY } from './identity.test-support.ts';

describe('demo accounts (demo only, refused in production)', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform();
    await seedTown(platform.kernel.db, { residents: 400, seed: 7, today: TEST_TODAY });
  });
  after(() => platform.close());

  const productionIdentity = () =>
    createIdentityModule({
      db: platform.kernel.db,
      clock: platform.clock,
      logger: platform.kernel.logger,
      config: { ...platform.kernel.config, nodeEnv: 'production' },
      keys: platform.kernel.keys,
      tokens: platform.kernel.tokens,
      sender: platform.kernel.sender,
      audit: platform.services.audit,
      registry: platform.services.registry,
    });

  it('creates one account per role once, with the published passwords', async () => {
    const first = await prepareDemoAccounts(platform.kernel, platform.built);
    const second = await prepareDemoAccounts(platform.kernel, platform.built);
    assert.deepEqual(second, first, 'a restart creates nothing new');
    assert.equal(first.length, 12);
    const rows = await platform.kernel.db.query<{ username: string; roles: string[]; eid_level: number | null; totp_secret: string | null; is_demo: boolean }>(
      'SELECT username, roles, eid_level, totp_secret, is_demo FROM identity.account ORDER BY username',
    );
    assert.equal(rows.length, 12);
    assert.ok(rows.every((row) => row.is_demo));
    assert.deepEqual(rows.filter((row) => row.roles.includes('citizen')).map((row) => row.eid_level).sort(), [1, 2]);
    assert.deepEqual(
      new Set(rows.flatMap((row) => row.roles)),
      new Set(['citizen', 'police', 'one_stop_officer', 'host', 'checkpoint_operator', 'leader', 'working_group_secretary', 'unit_reporter', 'soc_analyst', 'admin']),
    );
    const businesses = ['host', 'checkpoint_operator'];
    assert.ok(rows.filter((row) => !row.roles.includes('citizen') && !row.roles.some((role) => businesses.includes(role))).every((row) => row.totp_secret === DEMO_TOTP_SECRET));
    // The demo businesses act for approved establishments of the demo town.
    const establishments = await platform.kernel.db.query<{ status: string }>(`SELECT status FROM presence.establishment WHERE id LIKE 'CS-%-DE%'`);
    assert.deepEqual(establishments.map((row) => row.status), ['approved', 'approved', 'approved']);
  });

  it('refuses to start in production while a demo account can sign in, and starts once they are disabled', async () => {
    await assert.rejects(productionIdentity().prepare!(), /demo/);
    await platform.kernel.db.query(`UPDATE identity.account SET status = 'disabled' WHERE is_demo`);
    await productionIdentity().prepare!();
  });
});
