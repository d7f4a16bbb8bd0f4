/**
 * The modules of DA06, wired in dependency order. The only place that knows every module.
 */
import path from 'node:path';
import { liveFigures } from './figures.ts';
import { vietnamDate } from './kernel/clock.ts';
import type { Kernel } from './kernel/kernel.ts';
import type { MigrationSource } from './kernel/migrations.ts';
import type { PlatformModule } from './kernel/module.ts';
import { auditMigrations, createAuditModule } from './modules/audit/index.ts';
import { createRegistryModule, registryMigrations } from './modules/registry/index.ts';
import { createIdentityModule, identityMigrations } from './modules/identity/index.ts';
import { createPlanModule, planMigrations } from './modules/plan/index.ts';
import { createPresenceModule, presenceMigrations } from './modules/presence/index.ts';

/** Migrations run in this order: the kernel's, then each module's. */
export const MIGRATION_SOURCES: MigrationSource[] = [
  { module: 'kernel', dir: path.join(import.meta.dirname, 'kernel', 'migrations') },
  auditMigrations,
  registryMigrations,
  identityMigrations,
  presenceMigrations,
  planMigrations,
];

export function createModules(kernel: Kernel) {
  const { db, clock, logger, config } = kernel;
  const audit = createAuditModule({ db, clock, logger, flushMs: config.auditFlushMs });
  const registry = createRegistryModule({ db, audit: audit.service, clock, nudgeOutbox: () => kernel.outbox.nudge() });
  const identity = createIdentityModule({ db, clock, logger, config, keys: kernel.keys, tokens: kernel.tokens, sender: kernel.sender, audit: audit.service, registry: registry.service });
  const presence = createPresenceModule({
    db,
    audit: audit.service,
    registry: registry.service,
    clock,
    logger,
    retentionDays: config.stayRetentionDays,
    databaseUrl: config.databaseUrl,
  });
  // The plan's live figures come from the modules that hold the data (figures.ts).
  const figureProviders = liveFigures({ registry: registry.service, presence: presence.service, currentMonth: () => vietnamDate(clock.now()).slice(0, 7) });
  const plan = createPlanModule({ db, clock, logger, sender: kernel.sender, figureProviders });
  const modules: PlatformModule[] = [audit, registry, identity, presence, plan];
  return { modules, identityWeb: identity.web, services: { audit: audit.service, registry: registry.service, identity: identity.service, plan: plan.service, presence: presence.service } };
}

export type Services = ReturnType<typeof createModules>['services'];
