/**
 * Module identity: e-ID accounts (citizens at levels 1 and 2, staff, businesses), strong login, the town's OpenID
 * Connect provider (single sign-on) and the web app's server-side sign-in. See README.md.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor, TokenIssuer } from '../../kernel/auth.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Config } from '../../kernel/config.ts';
import type { Database } from '../../kernel/db.ts';
import { DomainError } from '../../kernel/errors.ts';
import type { KeyStore } from '../../kernel/keys.ts';
import type { Logger } from '../../kernel/logger.ts';
import { migrationsDir, type PlatformModule } from '../../kernel/module.ts';
import type { MessageSender } from '../../kernel/outbound.ts';
import type { AuditService } from '../audit/index.ts';
import type { RegistryService } from '../registry/index.ts';
import { createClientRegistry, type ClientRegistry } from './client-registry.ts';
import { IdentityErrors } from './identity.errors.ts';
import { identityRoutes } from './identity.routes.ts';
import { createIdentityService, LEGAL_BASIS, type IdentityService } from './identity.service.ts';
import { interactionRoutes } from './interaction.routes.ts';
import { createOidcProvider, type OidcProvider } from './oidc.provider.ts';
import { loadServerSecrets, type ServerSecrets } from './secrets.ts';
import { createWebSessions } from './web-session.ts';

export type { IdentityService, AccountView, EstablishmentKind } from './identity.service.ts';
export type { ClientRegistry, ClientInput, ClientView } from './client-registry.ts';
export { WEB_CLIENT_ID, RELYING_PARTY_SCOPES } from './client-registry.ts';
export { CSRF_HEADER } from './web-session.ts';
export { totpCode } from './totp.ts';
export { checkPassword, hashPassword } from './password-policy.ts';

export const identityMigrations = { module: 'identity', dir: migrationsDir(import.meta.url) };

/** How often expired provider records are deleted and ended locks audited. */
const SWEEP_INTERVAL_MS = 60_000;

export interface IdentityModuleDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'publicUrl' | 'nodeEnv' | 'jwtPrivateJwk'>;
  keys: KeyStore;
  tokens: TokenIssuer;
  sender: MessageSender;
  audit: AuditService;
  registry: RegistryService;
}

/** What the composition root mounts outside /api/v1/identity: the provider, its pages and the web sign-in. */
export interface IdentityWeb {
  /** The OpenID issuer: `${PUBLIC_URL}/oidc`. */
  issuer: string;
  /** Node handler for everything under /oidc (mount with @fastify/middie). */
  handleOidc(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  /** Fastify routes at the root: /oidc/interaction/* and /auth/*. */
  routes(app: FastifyInstance): Promise<void>;
  /** The kernel's cookie authenticator (installHttpKernel's `sessionActor`). */
  sessionActor(request: FastifyRequest): Promise<Actor | undefined>;
}

/** The module's service: account use cases, with the client registry beside them (`service.clients`). */
export type IdentityModuleService = IdentityService & { clients: ClientRegistry };

export function createIdentityModule(deps: IdentityModuleDeps): PlatformModule & { service: IdentityModuleService; clients: ClientRegistry; oidc: OidcProvider; web: IdentityWeb } {
  const { db, clock, logger, config, keys, audit, registry } = deps;
  let secrets: ServerSecrets | undefined;
  const getSecrets = () => {
    if (!secrets) throw new Error('the identity module is used before prepare()');
    return secrets;
  };
  const forget: { client?: (clientId: string) => void } = {};
  const clients = createClientRegistry({ db, clock, audit, allowHttpRedirects: config.nodeEnv !== 'production', onChange: (clientId) => forget.client?.(clientId) });
  const service: IdentityModuleService = Object.assign(
    createIdentityService({ db, clock, logger, audit, registry, sender: deps.sender, publicUrl: config.publicUrl, secrets: getSecrets }),
    { clients },
  );
  const oidc = createOidcProvider({ publicUrl: config.publicUrl, keys, db, logger, secrets: getSecrets, identity: service, clients, registry, audit });
  forget.client = oidc.forgetClient;
  const web = createWebSessions({ db, logger, tokens: deps.tokens, oidc, identity: service, publicUrl: config.publicUrl, secrets: getSecrets });

  async function rotateKeys(actor: Actor, requestId: string) {
    if (config.jwtPrivateJwk) throw new DomainError(IdentityErrors.IDENTITY_KEYS_FROM_CONFIG);
    const key = await keys.rotate();
    await audit.record({ actor, action: 'identity.signing_key.rotate', purpose: 'security', legalBasis: LEGAL_BASIS.security, requestId, details: { kid: key.kid } });
    return { kid: key.kid, keys: keys.all().length };
  }

  let timer: NodeJS.Timeout | undefined;
  async function sweep() {
    try {
      await service.sweepEndedLocks();
      await service.deleteExpired();
    } catch (error) {
      logger.warn({ err: error }, 'identity sweep failed');
    }
  }

  return {
    name: 'identity',
    service,
    clients,
    oidc,
    async prepare() {
      secrets = await loadServerSecrets(db);
      if (config.nodeEnv === 'production') {
        const demo = await service.countDemoAccounts();
        if (demo > 0) {
          throw new Error(
            `Cơ sở dữ liệu còn ${demo} tài khoản demo có mật khẩu công khai: chế độ production không khởi động. Hãy khóa chúng (PATCH /api/v1/identity/accounts/:id {"status":"disabled"}) hoặc dùng cơ sở dữ liệu mới. / ` +
              `The database holds ${demo} active demo accounts whose passwords are published: production refuses to start. Disable them or use a fresh database.`,
          );
        }
      }
      await clients.declareWebClient(config.publicUrl, secrets.webClientSecret);
    },
    routes: identityRoutes({ identity: service, clients, rotateKeys }),
    start() {
      timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
    },
    web: {
      issuer: oidc.issuer,
      handleOidc: (req, res, next) => oidc.handle(req, res, next),
      routes: async (app) => {
        await app.register(interactionRoutes({ oidc, identity: service, clients, db, clock, publicUrl: config.publicUrl }));
        await app.register(web.routes);
      },
      sessionActor: (request) => web.sessionActor(request),
    },
  };
}
