/**
 * Shared pieces of the benchmarks: a fresh PostgreSQL database, a migrated kernel, and timing helpers.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../server/src/kernel/config.ts';
import type { Kernel } from '../server/src/kernel/kernel.ts';
import { createLogger } from '../server/src/kernel/logger.ts';
import { migrateKernel, openKernel } from '../server/src/platform.ts';

export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function freshDatabase(name: string): Promise<BenchDatabase> {
  const database = `da06_bench_${name}`;
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    async drop() {
      if (process.env.BENCH_KEEP_DATABASE) return;
      const cleanup = new pg.Client({ connectionString: BENCH_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export async function benchKernel(databaseUrl: string, overrides: Record<string, string> = {}): Promise<{ kernel: Kernel; config: Config; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-bench-'));
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, DEMO_RESIDENTS: '0', ...overrides });
  const kernel = await openKernel(config, { logger: createLogger('warn') });
  await migrateKernel(kernel);
  return {
    kernel,
    config,
    async close() {
      await kernel.db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `worker` from `concurrency` async loops until `total` calls are done; returns calls per second. */
export async function throughput(total: number, concurrency: number, worker: (index: number) => Promise<void>): Promise<{ perSecond: number; seconds: number }> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < total; index = next++) await worker(index);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: total / seconds, seconds };
}

export function line(label: string, value: string | number, unit = ''): void {
  const shown = typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : value;
  process.stdout.write(`${label.padEnd(58, ' ')} ${shown}${unit ? ` ${unit}` : ''}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs the platform in its own process (bench/servers/platform-server.ts) on the benchmark's database. */
export function startServer(databaseUrl: string, dataDir: string, publicUrl: string): Promise<{ port: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', path.join(import.meta.dirname, 'servers', 'platform-server.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PUBLIC_URL: publicUrl, DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '20' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => {
      const { port } = JSON.parse(String(chunk)) as { port: number };
      resolve({
        port,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
  });
}

