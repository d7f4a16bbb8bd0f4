/**
 * Module audit: the append-only, hash-chained log of personal-data access and changes. See README.md.
 */
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import type { Logger } from '../../kernel/logger.ts';
import { migrationsDir, type PlatformModule } from '../../kernel/module.ts';
import { auditRoutes } from './audit.routes.ts';
import { createAuditService, type AuditService } from './audit.service.ts';
import { createAuditWriter } from './audit.writer.ts';

export type { AuditService, AuditEntryInput } from './audit.service.ts';
export { SYSTEM_ACTOR } from './audit.service.ts';
export type { VerifyResult } from './audit.repository.ts';
export type { AuditRecord } from './audit.chain.ts';
export { appendBatch as appendAuditBatch } from './audit.repository.ts';

export const auditMigrations = { module: 'audit', dir: migrationsDir(import.meta.url) };

export function createAuditModule(deps: { db: Database; clock: Clock; logger: Logger; flushMs: number }): PlatformModule & { service: AuditService } {
  const writer = createAuditWriter({ db: deps.db, clock: deps.clock, logger: deps.logger, flushMs: deps.flushMs });
  const service = createAuditService({ db: deps.db, writer, clock: deps.clock });
  return {
    name: 'audit',
    service,
    routes: auditRoutes(service),
    stop: () => writer.close(),
  };
}
