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
await running.app.listen({ host: '127.0.0.1', port: 0 });
await running.start();
const address = running.app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.once('SIGTERM', async () => {
  await running.close();
  await kernel.db.close();
  process.exit(0);
});
