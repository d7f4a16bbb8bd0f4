/**
 * The platform as the benchmarks run it: a separate process (so the load generator does not share its event loop),
 * on PostgreSQL, with one extra bare route that does the verification's point-select and nothing else (no token, no
 * validation, no purpose filter, no audit): the baseline of `npm run bench -- registry`.
 *
 * BENCH_WORKERS=n runs n processes behind one port (node:cluster), as a deployment runs several stateless processes
 * behind a load balancer on one PostgreSQL; alerts cross processes through PostgreSQL NOTIFY.
 */
import cluster from 'node:cluster';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/kernel/config.ts';
import { createLogger } from '../../server/src/kernel/logger.ts';
import { openKernel } from '../../server/src/platform.ts';

const workers = Number(process.env.BENCH_WORKERS ?? '1');

if (workers > 1 && cluster.isPrimary) {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  let ready = 0;
  for (let index = 0; index < workers; index++) {
    cluster.fork({ BENCH_PORT: String(port) }).on('message', () => {
      ready += 1;
      if (ready === workers) process.stdout.write(`${JSON.stringify({ port })}\n`);
    });
  }
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    cluster.disconnect(() => process.exit(0));
  });
} else {
  await serveOne();
}

async function serveOne() {
const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: '0' });
// Logs go to stderr (shown by the benchmark); stdout carries only the port line.
const kernel = await openKernel(config, { logger: createLogger('warn', process.stderr) });

function bareRoute(app: FastifyInstance) {
  app.get<{ Params: { personId: string } }>('/bench/bare/:personId', { config: { access: { public: true } }, schema: { hide: true } }, async (request) => {
    // The same statement as the verification's lookup (registry.repository.ts findPeopleForCheck).
    const [person] = await kernel.db.query(
      `SELECT p.*, w.reason_code AS wanted_reason,
              coalesce((SELECT json_agg(c ORDER BY c.issue_date DESC, c.id DESC) FROM registry.id_card c WHERE c.person_id = p.person_id), '[]') AS cards
         FROM registry.person p LEFT JOIN registry.wanted_person w ON w.person_id = p.person_id AND w.active
        WHERE p.person_id = ANY($1::text[])`,
      [[request.params.personId]],
    );
    return person;
  });
}

const running = await buildApp(kernel, { webDist: false, extraRoutes: bareRoute });
await running.app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? '0') });
await running.start();
const address = running.app.server.address();
if (process.send) process.send('ready');
else process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.once('SIGTERM', async () => {
  await running.close();
  await kernel.db.close();
  process.exit(0);
});
}
