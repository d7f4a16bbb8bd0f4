/**
 * Whole processes, as operators run them: `da06 serve` on PGlite and on PostgreSQL, the data-directory lock,
 * migrations under concurrent start, `da06 token` and `da06 audit verify`.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { decodeJwt } from 'jose';
import { REPO_ROOT, testDatabaseUrl } from './support.ts';

const CLI = path.join(REPO_ROOT, 'server', 'src', 'cli.ts');

interface Server {
  process: ChildProcess;
  port: number;
  stderr: () => string;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', DEMO_RESIDENTS: '0', ...extra };
  delete env.DATABASE_URL;
  return { ...env, ...extra };
}

function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s: ${stderr}`)), 90_000);
    child.stdout!.on('data', (chunk) => {
      stdout += String(chunk);
      const line = stdout.split('\n').find((candidate) => candidate.includes('DA06 listening'));
      if (line) {
        clearTimeout(timer);
        resolve({ process: child, port: (JSON.parse(line) as { port: number }).port, stderr: () => stderr });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}: ${stderr}`), { code, stderr }));
    });
  });
}

async function stop(server: Server): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}

function runCli(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });
}

const servers: Server[] = [];
after(async () => {
  await Promise.all(servers.map(stop));
});

describe('da06 on the embedded database (PGlite)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-proc-'));
  const env = baseEnv({ DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost:1' });

  it('serves, refuses a second process on the same data dir, keeps working, and verifies its audit chain', async () => {
    const first = await startServer(env);
    servers.push(first);
    const base = `http://127.0.0.1:${first.port}`;
    assert.equal((await fetch(`${base}/readyz`)).status, 200);

    const token = runCli(['token', '--role', 'soc_analyst', '--sub', 'analyst-1'], env).stdout.trim();
    assert.equal(decodeJwt(token).sub, 'analyst-1');
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${base}/api/v1/audit/entries`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
    }

    await assert.rejects(startServer(env), (error: Error & { code?: number; stderr?: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr ?? '', /da06\.lock/);
      assert.match(error.stderr ?? '', new RegExp(`process ${first.process.pid}`));
      return true;
    });

    // The first process is unharmed and still has every entry.
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
    const page = (await (await fetch(`${base}/api/v1/audit/entries?action=audit.entries.read`, { headers: { authorization: `Bearer ${token}` } })).json()) as { total: number };
    assert.equal(page.total, 3);
    await stop(first);

    const verify = runCli(['audit', 'verify'], env);
    assert.equal(verify.status, 0, verify.stderr);
    assert.equal(JSON.parse(verify.stdout).ok, true);
    assert.equal(JSON.parse(verify.stdout).entries, 4);
  });

  it('prints tokens for scripts and refuses bad arguments', () => {
    const ok = runCli(['token', '--role', 'police', '--ward', '13324'], env);
    assert.equal(ok.status, 0, ok.stderr);
    const claims = decodeJwt(ok.stdout.trim());
    assert.deepEqual(claims.roles, ['police']);
    assert.deepEqual(claims.wards, ['13324']);
    const bad = runCli(['token', '--role', 'emperor'], env);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--role must be one of/);
  });
});

describe('da06 on PostgreSQL', { skip: testDatabaseUrl() ? false : 'TEST_DATABASE_URL is not set' }, () => {
  it('starts two processes on one database together; migrations run once', async () => {
    const adminUrl = testDatabaseUrl()!;
    const name = `da06_t_proc_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-proc-pg-'));
    try {
      const env = baseEnv({ DATA_DIR: dataDir, DATABASE_URL: url.toString() });
      const [a, b] = await Promise.all([startServer(env), startServer(env)]);
      servers.push(a!, b!);
      for (const server of [a!, b!]) {
        const ready = (await (await fetch(`http://127.0.0.1:${server.port}/readyz`)).json()) as { database: string; status: string };
        assert.deepEqual(ready.status, 'ready');
        assert.equal(ready.database, 'postgres');
      }
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query<{ n: string; distinct_names: string }>('SELECT count(*) AS n, count(DISTINCT module || name) AS distinct_names FROM kernel.schema_migration');
      await check.end();
      assert.equal(rows[0]!.n, rows[0]!.distinct_names);
      assert.ok(Number(rows[0]!.n) >= 3);
      // A token printed by the CLI is accepted by both processes (they share the keys in the data dir).
      const token = runCli(['token', '--role', 'admin'], env).stdout.trim();
      for (const server of [a!, b!]) {
        const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/audit/verification`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(response.status, 200);
      }
      await Promise.all([stop(a!), stop(b!)]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
