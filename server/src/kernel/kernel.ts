/**
 * The kernel bundle handed to the composition root. Module factories take only the parts they use.
 */
import type { TokenIssuer } from './auth.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db.ts';
import type { KeyStore } from './keys.ts';
import type { Logger } from './logger.ts';
import type { MigrationFile } from './migrations.ts';
import type { OutboxDispatcher } from './outbox.ts';
import type { DevInbox, MessageSender } from './outbound.ts';

export interface Kernel {
  config: Config;
  logger: Logger;
  clock: Clock;
  db: Database;
  keys: KeyStore;
  tokens: TokenIssuer;
  outbox: OutboxDispatcher;
  migrations: MigrationFile[];
  /** SMS and e-mail; in development and tests, an inbox kept in memory. */
  sender: MessageSender;
  /** The development inbox when `sender` is one (never in production). */
  devInbox: DevInbox | undefined;
}

/**
 * The issuer of every access token (RFC 9068 `iss`): the OpenID provider mounted at /oidc. Tokens printed by
 * `da06 token` and tokens the provider issues share it, so one verifier serves both.
 */
export function tokenIssuer(config: Config): string {
  return `${config.publicUrl}/oidc`;
}

/** The audience of the platform's API tokens (RFC 9068 `aud`; the resource indicator of RFC 8707). */
export function apiAudience(config: Config): string {
  return `${config.publicUrl}/api`;
}
