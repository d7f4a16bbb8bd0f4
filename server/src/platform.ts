/**
 * Opening the platform's kernel (database, keys, tokens, events) and running it as a server.
 * Used by the CLI (`da06 serve`, `da06 migrate`, ...), by `npm start` and by the tests.
 */
import { systemClock, type Clock } from './kernel/clock.ts';
import type { Config } from './kernel/config.ts';
import { openDatabase, type Database } from './kernel/db.ts';
import { createTokenIssuer } from './kernel/auth.ts';
import { apiAudience, tokenIssuer, type Kernel } from './kernel/kernel.ts';
import { openKeyStore } from './kernel/keys.ts';
import { createLogger, type Logger } from './kernel/logger.ts';
import { loadMigrationFiles, migrate } from './kernel/migrations.ts';
import { createOutboxDispatcher } from './kernel/outbox.ts';
import { createDevInbox } from './kernel/outbound.ts';
import { MIGRATION_SOURCES } from './modules.ts';


export interface OpenKernelOptions {
  logger?: Logger;
  clock?: Clock;
  /** A database opened by the caller (tests); closed by the caller too. */
  db?: Database;
}

export async function openKernel(config: Config, options: OpenKernelOptions = {}): Promise<Kernel> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize }));
  try {
    const keys = await openKeyStore({ dataDir: config.dataDir, configuredJwk: config.jwtPrivateJwk });
    const tokens = createTokenIssuer({ keys, issuer: tokenIssuer(config), audience: apiAudience(config), defaultTtlSeconds: config.tokenTtlSeconds });
    const outbox = createOutboxDispatcher({ db, logger, clock });
    // TODO(#4): an SMS gateway and an SMTP relay configured for production; until then production sends nothing.
    const devInbox = config.nodeEnv === 'production' ? undefined : createDevInbox({ logger, clock });
    const sender = devInbox ?? { send: async () => logger.warn('no message sender is configured in production') };
    return { config, logger, clock, db, keys, tokens, outbox, migrations: loadMigrationFiles(MIGRATION_SOURCES), sender, devInbox };
  } catch (error) {
    if (!options.db) await db.close();
    throw error;
  }
}

export async function migrateKernel(kernel: Kernel): Promise<string[]> {
  return migrate(kernel.db, kernel.migrations, kernel.logger);
}
