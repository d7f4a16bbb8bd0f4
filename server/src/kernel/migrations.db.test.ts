import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../../test/support.ts';
import { MIGRATION_SOURCES } from '../modules.ts';
import { loadMigrationFiles, migrate, MigrationError, pendingMigrations } from './migrations.ts';

describe('forward-only migrations with checksums', () => {
  let database: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-migrations-'));
  const sample = { module: 'sample', dir };
  // The template database already holds the platform's migrations; the code must list them too.
  const source = [...MIGRATION_SOURCES, sample];

  before(async () => {
    database = await openTestDatabase();
    fs.writeFileSync(path.join(dir, '0001-create-sample.sql'), 'CREATE SCHEMA sample; CREATE TABLE sample.thing (id int PRIMARY KEY);');
  });
  after(async () => {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies pending files once, in order', async () => {
    fs.writeFileSync(path.join(dir, '0002-add-name.sql'), 'ALTER TABLE sample.thing ADD COLUMN name text;');
    const first = await migrate(database.db, loadMigrationFiles(source));
    assert.deepEqual(first, ['sample/0001-create-sample.sql', 'sample/0002-add-name.sql']);
    assert.deepEqual(await migrate(database.db, loadMigrationFiles(source)), []);
    assert.deepEqual(await pendingMigrations(database.db, loadMigrationFiles(source)), []);
    await database.db.query(`INSERT INTO sample.thing (id, name) VALUES (1, 'a')`);
  });

  it('stops when an applied file was edited, naming it', async () => {
    fs.writeFileSync(path.join(dir, '0002-add-name.sql'), 'ALTER TABLE sample.thing ADD COLUMN name varchar(10);');
    await assert.rejects(migrate(database.db, loadMigrationFiles(source)), (error: unknown) => {
      assert.ok(error instanceof MigrationError);
      assert.match(error.message, /sample\/0002-add-name\.sql was edited after it was applied/);
      return true;
    });
    fs.writeFileSync(path.join(dir, '0002-add-name.sql'), 'ALTER TABLE sample.thing ADD COLUMN name text;');
  });

  it('rolls back a failing file entirely and records nothing', async () => {
    fs.writeFileSync(path.join(dir, '0003-break-things.sql'), 'CREATE TABLE sample.half (id int); SELECT no_such_function();');
    await assert.rejects(migrate(database.db, loadMigrationFiles(source)), /0003-break-things\.sql failed/);
    const [half] = await database.db.query<{ exists: boolean }>(`SELECT to_regclass('sample.half') IS NOT NULL AS exists`);
    assert.equal(half!.exists, false);
    assert.deepEqual(await pendingMigrations(database.db, loadMigrationFiles(source)), ['sample/0003-break-things.sql']);
    fs.rmSync(path.join(dir, '0003-break-things.sql'));
  });

  it('stops when an applied migration is missing from the code', async () => {
    fs.renameSync(path.join(dir, '0002-add-name.sql'), path.join(dir, '0002-add-name.sql.bak'));
    try {
      await assert.rejects(migrate(database.db, loadMigrationFiles(source)), /missing from the code/);
    } finally {
      fs.renameSync(path.join(dir, '0002-add-name.sql.bak'), path.join(dir, '0002-add-name.sql'));
    }
  });

  it('refuses badly named files', () => {
    fs.writeFileSync(path.join(dir, 'add_stuff.sql'), 'SELECT 1;');
    try {
      assert.throws(() => loadMigrationFiles(source), /NNNN-verb-object\.sql/);
    } finally {
      fs.rmSync(path.join(dir, 'add_stuff.sql'));
    }
  });

  it('migrates once when several runs start together (advisory lock)', async () => {
    fs.writeFileSync(path.join(dir, '0004-create-counter.sql'), `CREATE TABLE sample.counter (n int); INSERT INTO sample.counter VALUES (1);`);
    const files = loadMigrationFiles(source);
    const results = await Promise.all([migrate(database.db, files), migrate(database.db, files), migrate(database.db, files)]);
    assert.equal(results.flat().length, 1);
    const [count] = await database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sample.counter');
    assert.equal(count!.n, 1);
  });
});
