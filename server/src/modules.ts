/**
 * The modules of DA06, wired in dependency order. The only place that knows every module.
 */
import path from 'node:path';
import type { Kernel } from './kernel/kernel.ts';
import type { MigrationSource } from './kernel/migrations.ts';
import type { PlatformModule } from './kernel/module.ts';
import { auditMigrations, createAuditModule } from './modules/audit/index.ts';
import { createRegistryModule, registryMigrations } from './modules/registry/index.ts';
import { createPlanModule, planMigrations } from './modules/plan/index.ts';

/** Migrations run in this order: the kernel's, then each module's. */
export const MIGRATION_SOURCES: MigrationSource[] = [
  { module: 'kernel', dir: path.join(import.meta.dirname, 'kernel', 'migrations') },
  auditMigrations,
  registryMigrations,
  planMigrations,
];

export function createModules(kernel: Kernel) {
  const { db, clock, logger, config } = kernel;
  const audit = createAuditModule({ db, clock, logger, flushMs: config.auditFlushMs });
  const registry = createRegistryModule({ db, audit: audit.service, clock, nudgeOutbox: () => kernel.outbox.nudge() });
  // Live figures for the plan's models come from other modules' services (TODO(#6): bind them as those modules land).
  const plan = createPlanModule({ db, clock, logger, sender: kernel.sender, figureProviders: [] });
  const modules: PlatformModule[] = [audit, registry, plan];
  return { modules, services: { audit: audit.service, registry: registry.service, plan: plan.service } };
}

export type Services = ReturnType<typeof createModules>['services'];
