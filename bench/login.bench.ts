/**
 * Logins and client-credentials grants on PostgreSQL, per CPU core, next to Keycloak's published sizing:
 *
 *   npm run bench -- login [--seconds 6] [--users 200] [--concurrency 8] [--grants-concurrency 16]
 *
 * 1. Password logins through the whole web sign-in, each with its own browser cookies: GET /auth/login → provider
 *    authorization request → login page → password (Argon2id, OWASP parameters; throttle checks; audited) → resume →
 *    code → /auth/callback (server-side code exchange with PKCE: ID token and ES256 JWT access token signed, refresh
 *    token stored, session sealed). Six HTTP requests per login.
 * 2. Client-credentials grants of an agency system (RFC 6749 §4.4) at the token endpoint: client lookup, secret
 *    check, ES256 JWT access token for the platform API.
 *
 * The server runs in its own process (this file, started with DA06_BENCH_LOGIN_SERVER=1); its CPU time (all threads,
 * Argon2's included) is read from /proc, so "per core" means per CPU-second of the DA06 process, like Keycloak's
 * sizing, which counts Keycloak's vCPUs and sizes the database apart. PostgreSQL's CPU is printed separately.
 * Keycloak (keycloak.org, "Concepts for sizing CPU and memory resources"): 15 password logins/s and 120
 * client-credentials grants/s per vCPU.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createModules } from '../server/src/modules.ts';
import { hashPassword } from '../server/src/modules/identity/index.ts';
import { benchKernel, freshDatabase, line, percentile } from './support.ts';

const KEYCLOAK = { loginsPerVcpu: 15, clientCredentialsPerVcpu: 120 };
const PASSWORD = 'bench login phrase for Duy Tien';
const CLOCK_TICKS = 100;

/** CPU seconds used so far by a process (user + system, every thread), from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

async function postgresCpu(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    return rows.reduce((sum, row) => sum + cpuSeconds(row.pid), 0);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Server mode: the platform, as production runs it, in this process. */
async function serve() {
  const { buildApp } = await import('../server/src/app.ts');
  const { loadConfig } = await import('../server/src/kernel/config.ts');
  const { createLogger } = await import('../server/src/kernel/logger.ts');
  const { openKernel } = await import('../server/src/platform.ts');
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' });
  const kernel = await openKernel(config, { logger: createLogger('warn') });
  const running = await buildApp(kernel, { webDist: false });
  await running.app.listen({ host: '127.0.0.1', port: config.port });
  await running.start();
  process.stdout.write('ready\n');
  process.once('SIGTERM', async () => {
    await running.close();
    await kernel.db.close();
    process.exit(0);
  });
}

function startServer(databaseUrl: string, dataDir: string, port: number): Promise<{ pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], {
    env: { ...process.env, DA06_BENCH_LOGIN_SERVER: '1', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_POOL_SIZE: '20' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () =>
      resolve({
        pid: child.pid!,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      }),
    );
    child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
  });
}

/** One browser's sign-in through the web app: six requests, cookies kept per browser. */
async function signIn(base: string, username: string): Promise<void> {
  const cookies = new Map<string, string>();
  const request = async (url: string, init: { form?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = {};
    if (cookies.size) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url.startsWith('/') ? `${base}${url}` : url, { method: init.form ? 'POST' : 'GET', headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  };
  const expectRedirect = async (response: Response) => {
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) throw new Error(`expected a redirect, got ${response.status}: ${(await response.text()).slice(0, 200)}`);
    await response.arrayBuffer();
    return location;
  };
  const authorize = await expectRedirect(await request('/auth/login'));
  const interaction = await expectRedirect(await request(authorize));
  const page = await request(interaction);
  const html = await page.text();
  const action = /action="([^"]+\/password)"/.exec(html)?.[1]?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  if (!action) throw new Error(`no login form (${page.status})`);
  const resume = await expectRedirect(await request(action, { form: { username, password: PASSWORD } }));
  const callback = await expectRedirect(await request(resume));
  const done = await expectRedirect(await request(callback));
  if (done !== '/') throw new Error(`sign-in ended at ${done}`);
  if (!cookies.get('da06_session')) throw new Error('no session cookie');
}

/** Runs `worker` from `concurrency` loops for `seconds`; returns completions, per-call latencies (ms) and failures. */
async function forDuration(seconds: number, concurrency: number, worker: (index: number) => Promise<void>) {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  let firstError: unknown;
  const deadline = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const index = next++;
        const begin = process.hrtime.bigint();
        try {
          await worker(index);
          latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
        } catch (error) {
          failures += 1;
          firstError ??= error;
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (firstError) process.stderr.write(`first failure: ${(firstError as Error).message}\n`);
  return { completed: latencies.length, failures, elapsed, latencies: latencies.sort((a, b) => a - b) };
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '6' },
      users: { type: 'string', default: '200' },
      concurrency: { type: 'string', default: '8' },
      'grants-concurrency': { type: 'string', default: '16' },
    },
  });
  const seconds = Number(values.seconds);
  const users = Number(values.users);
  const concurrency = Number(values.concurrency);
  const grantsConcurrency = Number(values['grants-concurrency']);
  const database = await freshDatabase('login');
  const { kernel, close } = await benchKernel(database.url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'da06-bench-login-'));
  try {
    // Citizen accounts with the same password (one Argon2id hash: verifying it costs the same for every account).
    const passwordHash = await hashPassword(PASSWORD);
    await kernel.db.query(
      `INSERT INTO identity.account (id, kind, username, person_id, display_name, password_hash, roles, eid_level, created_at, created_by, updated_at)
       SELECT 'bench-' || n, 'citizen', '0351' || lpad(n::text, 8, '0'), '0351' || lpad(n::text, 8, '0'), 'Công dân ' || n, $1, '{citizen}', 1, now(), 'bench', now()
         FROM generate_series(1, $2::int) AS n`,
      [passwordHash, users],
    );
    const { services, modules } = createModules(kernel);
    const actor = { kind: 'client' as const, id: 'bench', roles: ['admin' as const], wards: ['*'], scopes: [] };
    const agency = await services.identity.clients.register(actor, { clientRequestId: 'bench-agency-1', name: 'Hệ thống bench', kind: 'agency', purpose: 'Đo hiệu năng cấp mã truy cập' }, 'bench');
    await services.audit.flush();
    for (const module of modules) await module.stop?.();

    const port = await freePort();
    const server = await startServer(database.url, dataDir, port);
    const base = `http://127.0.0.1:${port}`;
    try {
      line('workload', `${users} citizens, ${concurrency} browsers signing in; ${grantsConcurrency} agency callers; ${seconds} s each; PostgreSQL`);
      const username = (index: number) => `0351${String((index % users) + 1).padStart(8, '0')}`;
      // Warm-up: JIT, connection pool, provider construction.
      await forDuration(1, 2, (index) => signIn(base, username(index)));
      const loginCpu = { server: cpuSeconds(server.pid), database: await postgresCpu(database.url) };
      const logins = await forDuration(seconds, concurrency, (index) => signIn(base, username(index)));
      const loginServerCpu = cpuSeconds(server.pid) - loginCpu.server;
      const loginDatabaseCpu = (await postgresCpu(database.url)) - loginCpu.database;
      const loginsPerSecond = logins.completed / logins.elapsed;
      const loginsPerCore = logins.completed / loginServerCpu;
      line('password logins (whole web sign-in, 6 requests)', loginsPerSecond, 'logins/s');
      line('  latency p50 / p99', `${percentile(logins.latencies, 50).toFixed(0)} / ${percentile(logins.latencies, 99).toFixed(0)}`, 'ms');
      line('  failures', logins.failures);
      line('  DA06 process CPU', loginServerCpu / logins.elapsed, 'cores busy');
      line('  PostgreSQL CPU', loginDatabaseCpu / logins.elapsed, 'cores busy');
      line('  per core of the DA06 process', loginsPerCore, 'logins/s');
      line('  Keycloak sizing, per vCPU', KEYCLOAK.loginsPerVcpu, 'logins/s');

      const basic = `Basic ${Buffer.from(`${agency.client.clientId}:${agency.clientSecret}`).toString('base64')}`;
      const grant = async () => {
        const response = await fetch(`${base}/oidc/token`, {
          method: 'POST',
          headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials&scope=api',
        });
        const body = (await response.json()) as { access_token?: string; error?: string };
        if (!body.access_token) throw new Error(`no token: ${response.status} ${body.error}`);
      };
      await forDuration(1, 4, grant);
      const grantCpu = { server: cpuSeconds(server.pid), database: await postgresCpu(database.url) };
      const grants = await forDuration(seconds, grantsConcurrency, grant);
      const grantServerCpu = cpuSeconds(server.pid) - grantCpu.server;
      const grantDatabaseCpu = (await postgresCpu(database.url)) - grantCpu.database;
      const grantsPerSecond = grants.completed / grants.elapsed;
      const grantsPerCore = grants.completed / grantServerCpu;
      line('client-credentials grants (JWT access token)', grantsPerSecond, 'grants/s');
      line('  latency p50 / p99', `${percentile(grants.latencies, 50).toFixed(1)} / ${percentile(grants.latencies, 99).toFixed(1)}`, 'ms');
      line('  failures', grants.failures);
      line('  DA06 process CPU', grantServerCpu / grants.elapsed, 'cores busy');
      line('  PostgreSQL CPU', grantDatabaseCpu / grants.elapsed, 'cores busy');
      line('  per core of the DA06 process', grantsPerCore, 'grants/s');
      line('  Keycloak sizing, per vCPU', KEYCLOAK.clientCredentialsPerVcpu, 'grants/s');
      line('machine', `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), shared with the load generator and PostgreSQL`);

      return {
        users,
        concurrency,
        seconds,
        loginsPerSecond: Number(loginsPerSecond.toFixed(1)),
        loginsPerCore: Number(loginsPerCore.toFixed(1)),
        loginP99Ms: Math.round(percentile(logins.latencies, 99)),
        loginFailures: logins.failures,
        grantsPerSecond: Math.round(grantsPerSecond),
        grantsPerCore: Math.round(grantsPerCore),
        grantP99Ms: Number(percentile(grants.latencies, 99).toFixed(1)),
        grantFailures: grants.failures,
        keycloakLoginsPerVcpu: KEYCLOAK.loginsPerVcpu,
        keycloakGrantsPerVcpu: KEYCLOAK.clientCredentialsPerVcpu,
        beatsKeycloakLogins: loginsPerCore > KEYCLOAK.loginsPerVcpu,
        beatsKeycloakGrants: grantsPerCore > KEYCLOAK.clientCredentialsPerVcpu,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await close();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.env.DA06_BENCH_LOGIN_SERVER === '1') await serve();
