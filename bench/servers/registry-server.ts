/**
 * The platform as the registry benchmark runs it: a separate process (so the load generator does not share its
 * event loop), on PostgreSQL, with one extra bare route that does the verification's point-select and nothing else
 * (no token, no validation, no purpose filter, no audit): the baseline of `npm run bench -- registry`.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/kernel/config.ts';
import { createLogger } from '../../server/src/kernel/logger.ts';
import { openKernel } from '../../server/src/platform.ts';

const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: '0' });
const kernel = await openKernel(config, { logger: createLogger('warn') });

function bareRoute(app: FastifyInstance) {
  app.get<{ Params: { personId: string } }>('/bench/bare/:personId', { config: { access: { public: true } }, schema: { hide: true } }, async (request) => {
    const [person] = await kernel.db.query('SELECT * FROM registry.person WHERE person_id = $1', [request.params.personId]);
    const cards = await kernel.db.query('SELECT * FROM registry.id_card WHERE person_id = $1 ORDER BY issue_date DESC, id DESC', [request.params.personId]);
    return { person, cards };
  });
}

const running = await buildApp(kernel, { webDist: false, extraRoutes: bareRoute });
await running.app.listen({ host: '127.0.0.1', port: 0 });
await running.start();
const address = running.app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.once('SIGTERM', async () => {
  await running.close();
  await kernel.db.close();
  process.exit(0);
});
