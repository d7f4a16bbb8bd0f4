/**
 * The database kernel: one driver (node-postgres) over two engines.
 *
 * - `DATABASE_URL` set: PostgreSQL through a `pg.Pool`.
 * - unset: PGlite (PostgreSQL compiled to WebAssembly) in `DATA_DIR/pgdata`, reached through PGlite's own
 *   node-postgres connection, so that the same driver, type parsing, SQL and migrations serve both engines.
 *
 * Values are normalised the same on both: int8 → number (counts and ids stay far below 2^53), numeric → string
 * (exact), date → "YYYY-MM-DD" string (never a Date shifted by the time zone), timestamptz → Date.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<R extends object = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a statement and returns the number of rows it touched. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` on one dedicated connection (session-level locks, multi-statement scripts). */
  withConnection<T>(fn: (connection: Queryable & { exec(sql: string): Promise<void> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, INT8_ARRAY: 1016, DATE_ARRAY: 1182, TEXT_ARRAY: 1009 } as const;

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case OID.INT8:
        return (value: string) => Number(value);
      case OID.NUMERIC:
      case OID.DATE:
        return (value: string) => value;
      case OID.INT8_ARRAY: {
        const parseTextArray = pg.types.getTypeParser(OID.TEXT_ARRAY as never, 'text') as (value: string) => string[];
        return (value: string) => parseTextArray(value).map(Number);
      }
      case OID.DATE_ARRAY:
        return pg.types.getTypeParser(OID.TEXT_ARRAY as never, 'text');
      default:
        return pg.types.getTypeParser(oid as never, format);
    }
  },
} as pg.CustomTypesConfig;

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** For tests: an in-memory PGlite, or a PGlite directory prepared elsewhere (already locked by the caller). */
  pgliteDir?: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, types: typeParsers });
    pool.on('error', () => {
      // An idle client lost its connection (server restart); the pool replaces it on next use.
    });
    await pool.query('SELECT 1');
    return wrapPool(pool, 'postgres', async () => pool.end());
  }

  let lock: DataDirLock | undefined;
  if (!options.pgliteDir) lock = lockDataDir(options.dataDir);
  try {
    const pgdata = options.pgliteDir ?? path.join(options.dataDir, 'pgdata');
    fs.mkdirSync(path.dirname(pgdata), { recursive: true });
    const pglite = await PGlite.create(pgdata);
    const pool = new pg.Pool(Object.assign(createPgConfig(pglite), { types: typeParsers }) as unknown as pg.PoolConfig);
    return wrapPool(pool, 'pglite', async () => {
      await pool.end();
      await pglite.close();
      lock?.release();
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * Statements with parameters are prepared once per connection (named by a hash of their text) and then only bound and
 * executed: PostgreSQL skips parsing and planning on the hot paths (a verification, a stay notice). Statements without
 * parameters (migrations, scripts with several statements) run as simple queries.
 */
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `da06_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (statementNames.size < 5000) statementNames.set(text, name);
  }
  return name;
}

function toQuery(text: string, params: readonly unknown[] | undefined): pg.QueryConfig {
  return params === undefined ? { text } : { name: statementName(text), text, values: params as unknown[] };
}

function wrapQueryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends object>(text: string, params?: readonly unknown[]) {
      const result = await client.query(toQuery(text, params));
      return result.rows as R[];
    },
    async run(text: string, params?: readonly unknown[]) {
      const result = await client.query(toQuery(text, params));
      return result.rowCount ?? 0;
    },
  };
}

function wrapPool(pool: pg.Pool, engine: Database['engine'], close: () => Promise<void>): Database {
  let closed = false;
  return {
    engine,
    ...wrapQueryable(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrapQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn({ ...wrapQueryable(client), exec: async (sql: string) => void (await client.query(sql)) });
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}
