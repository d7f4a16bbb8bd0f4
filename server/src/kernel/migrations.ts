/**
 * Forward-only SQL migrations, one folder per module (`modules/<m>/migrations/NNNN-verb-object.sql`).
 *
 * Rules enforced:
 * - a file name is `NNNN-verb-object.sql`; files run in module order (modules.ts), then by number;
 * - each applied file is recorded with the SHA-256 of its text; a file edited after it was applied stops start-up
 *   (fix forward with a new migration instead);
 * - an applied migration missing from the code stops start-up (the code is older than the database);
 * - one process migrates at a time: a PostgreSQL advisory lock is held for the whole run, so processes that start
 *   together wait and then find nothing left to do;
 * - each file runs in its own transaction together with its record.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './db.ts';
import type { Logger } from './logger.ts';

export interface MigrationSource {
  /** Module name; also the PostgreSQL schema the module owns. */
  module: string;
  /** Absolute path of the module's migrations folder. */
  dir: string;
}

export interface MigrationFile {
  module: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

const FILE_NAME = /^\d{4}-[a-z0-9]+(-[a-z0-9]+)+\.sql$/;
/** Arbitrary, stable key of the advisory lock that serialises migration runs ("DA06" in hex). */
const MIGRATION_LOCK_KEY = 0xda06;

export function loadMigrationFiles(sources: MigrationSource[]): MigrationFile[] {
  const files: MigrationFile[] = [];
  for (const source of sources) {
    if (!fs.existsSync(source.dir)) continue;
    const names = fs.readdirSync(source.dir).filter((name) => name.endsWith('.sql')).sort();
    for (const name of names) {
      if (!FILE_NAME.test(name)) {
        throw new MigrationError(`Migration ${source.module}/${name}: tên phải có dạng NNNN-verb-object.sql / name must be NNNN-verb-object.sql`);
      }
      const sql = fs.readFileSync(path.join(source.dir, name), 'utf8').replace(/\r\n/g, '\n');
      files.push({ module: source.module, name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
    }
  }
  return files;
}

interface AppliedRow {
  module: string;
  name: string;
  checksum: string;
}

const BOOTSTRAP = `
  CREATE SCHEMA IF NOT EXISTS kernel;
  CREATE TABLE IF NOT EXISTS kernel.schema_migration (
    module     text        NOT NULL,
    name       text        NOT NULL,
    checksum   text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT schema_migration_pk PRIMARY KEY (module, name)
  );
  COMMENT ON TABLE kernel.schema_migration IS 'SQL migrations applied to this database, with the checksum of each file.';
`;

/** Compares the code's migrations with the database's record; throws on an edited or missing file. */
function compare(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const byKey = new Map(files.map((file) => [`${file.module}/${file.name}`, file]));
  for (const row of applied) {
    const key = `${row.module}/${row.name}`;
    const file = byKey.get(key);
    if (!file) {
      throw new MigrationError(
        `Migration ${key} đã chạy trên cơ sở dữ liệu nhưng không có trong mã nguồn (mã cũ hơn dữ liệu). / ` +
          `Migration ${key} was applied to the database but is missing from the code (the code is older than the database).`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${key} đã bị sửa sau khi chạy (checksum ${row.checksum.slice(0, 12)}… ≠ ${file.checksum.slice(0, 12)}…). ` +
          `Hãy khôi phục tệp và thêm migration mới. / Migration ${key} was edited after it was applied ` +
          `(checksum ${row.checksum.slice(0, 12)}… ≠ ${file.checksum.slice(0, 12)}…). Restore the file and add a new migration.`,
      );
    }
  }
  const done = new Set(applied.map((row) => `${row.module}/${row.name}`));
  return files.filter((file) => !done.has(`${file.module}/${file.name}`));
}

export async function migrate(db: Database, files: MigrationFile[], logger?: Logger): Promise<string[]> {
  return db.withConnection(async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await connection.exec(BOOTSTRAP);
      const applied = await connection.query<AppliedRow>('SELECT module, name, checksum FROM kernel.schema_migration');
      const pending = compare(files, applied);
      for (const file of pending) {
        await connection.exec('BEGIN');
        try {
          await connection.exec(file.sql);
          await connection.query('INSERT INTO kernel.schema_migration (module, name, checksum) VALUES ($1, $2, $3)', [file.module, file.name, file.checksum]);
          await connection.exec('COMMIT');
        } catch (error) {
          await connection.exec('ROLLBACK');
          throw new MigrationError(`Migration ${file.module}/${file.name} failed: ${(error as Error).message}`);
        }
        logger?.info({ migration: `${file.module}/${file.name}` }, 'migration applied');
      }
      return pending.map((file) => `${file.module}/${file.name}`);
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

/** Migrations not yet applied (for readiness); throws MigrationError when the record disagrees with the code. */
export async function pendingMigrations(db: Database, files: MigrationFile[]): Promise<string[]> {
  const [table] = await db.query<{ exists: boolean }>(`SELECT to_regclass('kernel.schema_migration') IS NOT NULL AS exists`);
  const applied = table?.exists ? await db.query<AppliedRow>('SELECT module, name, checksum FROM kernel.schema_migration') : [];
  return compare(files, applied).map((file) => `${file.module}/${file.name}`);
}
