/**
 * Module presence: accommodation notices, gate entries, bus boarding, and alerts to the police. See README.md.
 */
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import type { Logger } from '../../kernel/logger.ts';
import { migrationsDir, type PlatformModule } from '../../kernel/module.ts';
import type { AuditService } from '../audit/index.ts';
import type { RegistryService } from '../registry/index.ts';
import { createAlertHub } from './alert-hub.ts';
import { presenceRoutes } from './presence.routes.ts';
import { createPresenceService, type PresenceService } from './presence.service.ts';

export type { PresenceService } from './presence.service.ts';
export type { AlertMessage } from './alert-hub.ts';

export const presenceMigrations = { module: 'presence', dir: migrationsDir(import.meta.url) };

/** Automatic check-out and retention run every few minutes; the work is idempotent. */
const HOUSEKEEPING_EVERY_MS = 5 * 60_000;

export function createPresenceModule(deps: {
  db: Database;
  audit: AuditService;
  registry: RegistryService;
  clock: Clock;
  logger: Logger;
  retentionDays: number;
  databaseUrl: string | undefined;
}): PlatformModule & { service: PresenceService } {
  const hub = createAlertHub(deps.logger);
  const service = createPresenceService({ ...deps, hub });
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'presence',
    service,
    routes: presenceRoutes(service),
    async start() {
      await hub.listenTo(deps.databaseUrl);
      const run = () => service.runHousekeeping().catch((error: unknown) => deps.logger.error({ err: error }, 'presence housekeeping failed'));
      timer = setInterval(run, HOUSEKEEPING_EVERY_MS);
      timer.unref();
      void run();
    },
    async stop() {
      clearInterval(timer);
      await hub.close();
    },
  };
}
