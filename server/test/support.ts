/**
 * Test support: a migrated template database copied per test file, and a platform built around it.
 *
 * - PGlite (default): the template is a migrated data directory under .cache/; each test file copies it into a
 *   temporary directory (≈0.4 s) instead of migrating again.
 * - PostgreSQL (TEST_DATABASE_URL set): the template is a database `da06_tpl_<hash>`; each test file gets
 *   `CREATE DATABASE … TEMPLATE` and drops it at the end.
 * The template's name carries a hash of every migration, so a changed migration builds a new template.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, type App } from '../src/app.ts';
import type { Role } from '../src/kernel/auth.ts';
import { fakeClock, type FakeClock } from '../src/kernel/clock.ts';
import { loadConfig, type Config } from '../src/kernel/config.ts';
import { openDatabase, type Database } from '../src/kernel/db.ts';
import type { Kernel } from '../src/kernel/kernel.ts';
import { createLogger } from '../src/kernel/logger.ts';
import { loadMigrationFiles, migrate } from '../src/kernel/migrations.ts';
import { MIGRATION_SOURCES } from '../src/modules.ts';
import { openKernel } from '../src/platform.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'test-templates');

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of loadMigrationFiles(MIGRATION_SOURCES)) hash.update(`${file.module}/${file.name}:${file.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-test-'));
  return { ...loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://da06.test', DATA_DIR: dataDir, AUDIT_FLUSH_MS: '1' }), ...overrides };
}

/** Waits for a directory-based lock (mkdir is atomic), so that parallel test files build a template once. */
async function withDirLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than two minutes belongs to a crashed run.
      if (Date.now() - fs.statSync(lockDir).mtimeMs > 120_000) fs.rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

async function ensurePgliteTemplate(): Promise<string> {
  const dir = path.join(CACHE_DIR, `pglite-${migrationsHash()}`);
  if (fs.existsSync(path.join(dir, 'ready'))) return dir;
  await withDirLock(`${dir}.lock`, async () => {
    if (fs.existsSync(path.join(dir, 'ready'))) return;
    fs.rmSync(dir, { recursive: true, force: true });
    const db = await openDatabase({ databaseUrl: undefined, dataDir: dir, pgliteDir: path.join(dir, 'pgdata') });
    await migrate(db, loadMigrationFiles(MIGRATION_SOURCES));
    await db.close();
    fs.writeFileSync(path.join(dir, 'ready'), new Date().toISOString());
  });
  return dir;
}

function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function ensurePostgresTemplate(url: string): Promise<string> {
  const name = `da06_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(7106)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const db = await openDatabase({ databaseUrl: databaseUrlFor(url, building), dataDir: os.tmpdir(), poolSize: 2 });
      await migrate(db, loadMigrationFiles(MIGRATION_SOURCES));
      await db.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    await admin.query('SELECT pg_advisory_unlock(7106)');
  } finally {
    await admin.end();
  }
  return name;
}

/** Builds the template for the configured engine (called once by scripts/test.ts before the files run). */
export async function prepareTestTemplate(): Promise<void> {
  const url = testDatabaseUrl();
  if (url) await ensurePostgresTemplate(url);
  else await ensurePgliteTemplate();
}

/** Drops templates and test databases left by earlier runs or older migrations (PostgreSQL only). */
export async function cleanStaleTestDatabases(): Promise<void> {
  const url = testDatabaseUrl();
  if (!url) {
    if (!fs.existsSync(CACHE_DIR)) return;
    const current = `pglite-${migrationsHash()}`;
    for (const entry of fs.readdirSync(CACHE_DIR)) if (entry !== current && !entry.endsWith('.lock')) fs.rmSync(path.join(CACHE_DIR, entry), { recursive: true, force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const current = `da06_tpl_${migrationsHash()}`;
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'da06\\_t%'`);
    for (const { datname } of rows) if (datname !== current) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface TestDatabase {
  db: Database;
  /** A connection string for other processes (PostgreSQL only). */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  if (url) {
    const template = await ensurePostgresTemplate(url);
    const name = `da06_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.end();
    }
    const dbUrl = databaseUrlFor(url, name);
    const db = await openDatabase({ databaseUrl: dbUrl, dataDir: os.tmpdir(), poolSize: 10 });
    return {
      db,
      url: dbUrl,
      async drop() {
        await db.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const template = await ensurePgliteTemplate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-pglite-'));
  fs.cpSync(path.join(template, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true });
  const db = await openDatabase({ databaseUrl: undefined, dataDir: dir, pgliteDir: path.join(dir, 'pgdata') });
  return {
    db,
    url: undefined,
    async drop() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TokenOptions {
  sub?: string;
  wards?: string[];
  personId?: string;
  unitId?: string;
  establishmentId?: string;
  acr?: string;
}

export interface TestPlatform {
  kernel: Kernel;
  built: App;
  app: App['app'];
  services: App['services'];
  clock: FakeClock;
  token(role: Role | Role[], options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function createTestPlatform(options: { config?: Partial<Config>; clock?: FakeClock } = {}): Promise<TestPlatform> {
  const database = await openTestDatabase();
  const config = testConfig(options.config);
  const clock = options.clock ?? fakeClock('2026-11-27T03:00:00Z');
  const kernel = await openKernel(config, { db: database.db, clock, logger: createLogger(config.logLevel) });
  const built = await buildApp(kernel, { webDist: false });
  return {
    kernel,
    built,
    app: built.app,
    services: built.services,
    clock,
    token: (role, tokenOptions = {}) =>
      kernel.tokens.issue({
        sub: tokenOptions.sub ?? `test:${Array.isArray(role) ? role.join('+') : role}`,
        roles: Array.isArray(role) ? role : [role],
        wards: tokenOptions.wards ?? [],
        ...(tokenOptions.personId ? { personId: tokenOptions.personId } : {}),
        ...(tokenOptions.unitId ? { unitId: tokenOptions.unitId } : {}),
        ...(tokenOptions.establishmentId ? { establishmentId: tokenOptions.establishmentId } : {}),
        ...(tokenOptions.acr ? { acr: tokenOptions.acr } : {}),
      }),
    async close() {
      await built.close();
      await database.drop();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
