/**
 * The population registry on PostgreSQL with a generated town:
 *
 *   npm run bench -- registry [--residents 1000000] [--seconds 10] [--connections 50]
 *
 * 1. seeding time for `residents` (the issue's bar: 1,000,000 in ≤ 60 s);
 * 2. identity verification over HTTP at `connections` concurrent clients — with token check, validation, QR parsing,
 *    purpose filtering and a durable audit entry — against a bare route in the same server doing the same
 *    point-selects with none of that (bar: ≥ 50 % of the bare route, p99 ≤ 25 ms); `pgbench -S` at the same
 *    concurrency for context;
 * 3. name search without diacritics (one officer, sequential requests; bar: p95 ≤ 50 ms).
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createModules } from '../server/src/modules.ts';
import { formatCardQr, seedTown } from '../server/src/modules/registry/index.ts';
import { BENCH_ADMIN_URL, benchKernel, freshDatabase, line, percentile, startServer } from './support.ts';

interface Holder {
  person_id: string;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  permanent_address: string;
  old_id: string | null;
  issue_date: string;
}

async function load(url: string, connections: number, seconds: number, requests: autocannon.Request[]) {
  const result = await autocannon({ url, connections, duration: seconds, requests, pipelining: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, errors: result.errors + result.non2xx };
}

function pgbenchSelectOnly(clients: number, seconds: number): number | null {
  const url = new URL(BENCH_ADMIN_URL);
  const base = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  const database = 'da06_bench_pgbench';
  spawnSync('psql', [...base, '-d', url.pathname.slice(1) || 'postgres', '-qc', `DROP DATABASE IF EXISTS ${database}`, '-c', `CREATE DATABASE ${database}`], { encoding: 'utf8' });
  const init = spawnSync('pgbench', [...base, '-i', '-s', '10', '-q', database], { encoding: 'utf8' });
  if (init.status !== 0) return null;
  const run = spawnSync('pgbench', [...base, '-S', '-c', String(clients), '-j', '2', '-T', String(seconds), database], { encoding: 'utf8' });
  spawnSync('psql', [...base, '-d', url.pathname.slice(1) || 'postgres', '-qc', `DROP DATABASE IF EXISTS ${database}`], { encoding: 'utf8' });
  const match = /tps = ([\d.]+)/.exec(run.stdout);
  return match ? Number(match[1]) : null;
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { residents: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
  });
  const residents = Number(values.residents);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const database = await freshDatabase('registry');
  const { kernel, config, close } = await benchKernel(database.url);
  try {
    const { modules } = createModules(kernel);
    for (const module of modules) await module.prepare?.();
    const seeded = await seedTown(kernel.db, { residents, seed: 20230806, today });
    line(`seeding ${residents.toLocaleString('en-US')} residents into PostgreSQL`, seeded.seconds, 's');
    line('  households / cards / wanted', `${seeded.households} / ${seeded.cards} / ${seeded.wanted}`);

    const holders = await kernel.db.query<Holder>(
      `SELECT p.person_id, p.full_name, p.birth_date, p.sex, p.permanent_address, p.old_ids[1] AS old_id, c.issue_date
         FROM registry.person p JOIN registry.id_card c ON c.person_id = p.person_id AND c.status = 'active' AND c.card_type <> 'CMND'
        WHERE p.status = 'living' ORDER BY p.person_id LIMIT 5000`,
    );
    const qrs = holders.map((holder) =>
      JSON.stringify({
        qr: formatCardQr({ personId: holder.person_id, oldId: holder.old_id, fullName: holder.full_name, birthDate: holder.birth_date, sex: holder.sex, address: holder.permanent_address, issueDate: holder.issue_date }),
        purpose: 'stay_notice',
      }),
    );
    const hostToken = await kernel.tokens.issue({ sub: 'bench-host', roles: ['host'] });
    const policeToken = await kernel.tokens.issue({ sub: 'bench-police', roles: ['police'], wards: ['*'] });

    const server = await startServer(database.url, config.dataDir, config.publicUrl);
    const base = `http://127.0.0.1:${server.port}`;
    let next = 0;
    try {
      // Warm up both routes (connection pools, JIT, token cache).
      await load(base, connections, 2, [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/bench/bare/${holders[next++ % holders.length]!.person_id}` }) }]);
      const bare = await load(base, connections, seconds, [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/bench/bare/${holders[next++ % holders.length]!.person_id}` }) }]);
      line(`bare point-select route, ${connections} connections`, bare.rps, 'req/s');
      line('  p50 / p99 latency', `${bare.p50} / ${bare.p99}`, 'ms');

      const verificationRequest: autocannon.Request = {
        method: 'POST',
        path: '/api/v1/registry/verifications',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hostToken}` },
        setupRequest: (request) => ({ ...request, body: qrs[next++ % qrs.length] }),
      };
      await load(base, connections, 2, [verificationRequest]);
      const verified = await load(base, connections, seconds, [verificationRequest]);
      const ratio = verified.rps / bare.rps;
      line(`verification (QR, purpose, audit), ${connections} connections`, verified.rps, 'req/s');
      line('  p50 / p99 latency', `${verified.p50} / ${verified.p99}`, 'ms');
      line('  errors or non-2xx', verified.errors);
      if (verified.errors > 0) throw new Error(`${verified.errors} verification requests failed: the figures would be meaningless`);
      line('  verification / bare route', `${(ratio * 100).toFixed(1)} %`);

      const searches = ['nguyen van', 'tran thi', 'le van hung', 'pham thi huong', 'hoang duc', 'van an', 'thi thu', 'vu minh', 'dang thi lan', 'bui van', 'do thi', 'nguyen thi ngoc anh', 'ly', 'duong van cuong', 'ngo thi'];
      const latencies: number[] = [];
      for (let i = 0; i < 300; i++) {
        const started = process.hrtime.bigint();
        const response = await fetch(`${base}/api/v1/registry/residents?q=${encodeURIComponent(searches[i % searches.length]!)}&page=${1 + (i % 3)}`, {
          headers: { authorization: `Bearer ${policeToken}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`search answered ${response.status}`);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      latencies.sort((a, b) => a - b);
      line('name search without diacritics (HTTP, audited), p50', percentile(latencies, 50), 'ms');
      line('name search without diacritics (HTTP, audited), p95', percentile(latencies, 95), 'ms');

      const pgbench = pgbenchSelectOnly(connections, seconds);
      line(`pgbench -S, ${connections} clients (context)`, pgbench ?? 'unavailable', pgbench ? 'tps' : '');

      return {
        residents,
        seedSeconds: Number(seeded.seconds.toFixed(1)),
        bareRps: Math.round(bare.rps),
        verificationRps: Math.round(verified.rps),
        verificationToBare: Number(ratio.toFixed(3)),
        verificationP99Ms: verified.p99,
        verificationErrors: verified.errors,
        searchP50Ms: Number(percentile(latencies, 50).toFixed(1)),
        searchP95Ms: Number(percentile(latencies, 95).toFixed(1)),
        pgbenchSelectTps: pgbench,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await close();
    await database.drop();
  }
}
