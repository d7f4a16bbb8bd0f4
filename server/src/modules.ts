/**
 * The modules of DA06, wired in dependency order. The only place that knows every module.
 */
import path from 'node:path';
import type { Kernel } from './kernel/kernel.ts';
import type { MigrationSource } from './kernel/migrations.ts';
import type { PlatformModule } from './kernel/module.ts';
import { auditMigrations, createAuditModule } from './modules/audit/index.ts';

/** Migrations run in this order: the kernel's, then each module's. */
export const MIGRATION_SOURCES: MigrationSource[] = [
  { module: 'kernel', dir: path.join(import.meta.dirname, 'kernel', 'migrations') },
  auditMigrations,
];

export function createModules(kernel: Kernel) {
  const { db, clock, logger, config } = kernel;
  const audit = createAuditModule({ db, clock, logger, flushMs: config.auditFlushMs });
  const modules: PlatformModule[] = [audit];
  return { modules, services: { audit: audit.service } };
}

export type Services = ReturnType<typeof createModules>['services'];
