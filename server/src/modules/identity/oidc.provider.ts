/**
 * The town's OpenID Connect provider (oidc-provider), mounted under /oidc.
 *
 * What it is configured to do, and why:
 * - authorization code flow only, PKCE required and S256 only (RFC 7636; RFC 9700 §2.1.1); the redirect_uri must
 *   be sent and match exactly (RFC 9700 §4.1.3); codes live 60 s and are used once (RFC 6749 §10.5, atomic in the
 *   adapter);
 * - refresh tokens rotate at every use and die with the provider session (RFC 9700 §4.14.2);
 * - client credentials for agency systems (RFC 6749 §4.4);
 * - access tokens for the platform API are JWTs (RFC 9068) with the audience `${PUBLIC_URL}/api` (resource
 *   indicators, RFC 8707), signed ES256 by the kernel's KeyStore, carrying DA06's claims (roles, wards, pid, unit, est,
 *   acr): the kernel's guard verifies them exactly like `da06 token` output. Tokens without that audience are opaque
 *   and only good at the userinfo endpoint;
 * - relying parties get pairwise subjects (OIDC Core §8.1): HMAC-SHA-256 over (sector, account id) with a key that
 *   never leaves the database; the platform's own web client gets the public subject (the account id);
 * - claims by scope: profile, birthdate, address from the registry, and the personal id number (`pid`) only with the
 *   separate `person_id` scope or for the platform's own client; every release of registry data is audited;
 * - acr "1" / "2" (login-steps.ts); `acr_values=2` triggers a step-up login when the account can reach level 2;
 * - consent is asked of relying parties, not of the platform's own client (first party);
 * - JWKS = the KeyStore's public keys; after `KeyStore.rotate()` the provider is rebuilt on the next request and
 *   signs with the new key, while tokens signed with the old one keep verifying (the old key stays in the JWKS);
 * - generated URLs always use PUBLIC_URL, whatever Host or X-Forwarded-* headers a request carries.
 * Client secrets are stored as SHA-256 (client-registry.ts); the provider's secret comparison hashes what it is given.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import type { Account, Client, KoaContextWithOIDC, Provider as ProviderInstance, ErrorOut } from 'oidc-provider';
import type { Database } from '../../kernel/db.ts';
import { negotiateLanguage } from '../../kernel/errors.ts';
import type { KeyStore } from '../../kernel/keys.ts';
import type { Logger } from '../../kernel/logger.ts';
import type { AuditService } from '../audit/index.ts';
import type { RegistryService } from '../registry/index.ts';
import { providerMetadata, WEB_CLIENT_ID, type ClientRegistry } from './client-registry.ts';
import type { AccountRow } from './identity.repository.ts';
import { LEGAL_BASIS, actorForAccount, type IdentityService } from './identity.service.ts';
import { contentSecurityPolicy, loggedOutPage, logoutPage, messagePage, type PageLanguage } from './interaction.pages.ts';
import { canReachLevel2 } from './login-steps.ts';
import { createAdapterClass } from './oidc.adapter.ts';
import { Provider, interactionPolicy, oidcErrors } from './oidc.runtime.ts';
import { sameSecret, sha256Hex, type ServerSecrets } from './secrets.ts';

export const API_SCOPE = 'api';
const ACCESS_TOKEN_TTL = 10 * 60;
const CLIENT_CACHE_MS = 10_000;
/** The provider's endpoints under /oidc (oidc-provider's default routes, resume and logout steps included). */
const PROVIDER_PATHS = /^\/(?:\.well-known\/openid-configuration|auth(?:\/[A-Za-z0-9_-]+)?|token(?:\/introspection|\/revocation)?|me|jwks|request|session\/end(?:\/confirm|\/success)?)(?:[?#]|$)/;

export interface OidcProviderDeps {
  publicUrl: string;
  keys: KeyStore;
  db: Database;
  logger: Logger;
  secrets: () => ServerSecrets;
  identity: IdentityService;
  clients: ClientRegistry;
  registry: RegistryService;
  audit: AuditService;
}

export interface OidcProvider {
  issuer: string;
  apiAudience: string;
  /** The provider for the current signing keys (rebuilt after a rotation). */
  current(): ProviderInstance;
  /** The Node request handler mounted at /oidc (interaction pages excluded: Fastify serves them). */
  handle(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  /** Forgets a cached client after a change in the registry. */
  forgetClient(clientId: string): void;
}

function splitName(fullName: string): { family_name?: string; middle_name?: string; given_name: string } {
  const words = fullName.trim().split(/\s+/);
  if (words.length === 1) return { given_name: words[0]! };
  return { family_name: words[0]!, given_name: words[words.length - 1]!, ...(words.length > 2 ? { middle_name: words.slice(1, -1).join(' ') } : {}) };
}

function languageOf(ctx: KoaContextWithOIDC): PageLanguage {
  const requested = ctx.oidc?.params?.ui_locales;
  if (typeof requested === 'string') {
    const first = requested.split(' ')[0]?.toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
    if (first.startsWith('vi')) return 'vi';
  }
  return negotiateLanguage(ctx.get('accept-language') || undefined);
}

function sendPage(ctx: KoaContextWithOIDC, render: (nonce: string) => string, status?: number) {
  const nonce = randomBytes(16).toString('base64');
  ctx.set('content-security-policy', contentSecurityPolicy(nonce));
  ctx.type = 'html';
  if (status) ctx.status = status;
  ctx.body = render(nonce);
}

export function createOidcProvider(deps: OidcProviderDeps): OidcProvider {
  const { publicUrl, keys, identity, registry, audit } = deps;
  const issuer = `${publicUrl}/oidc`;
  const apiAudience = `${publicUrl}/api`;
  const public_ = new URL(publicUrl);

  const clientCache = new Map<string, { metadata: Record<string, unknown> | undefined; at: number }>();
  const clientSource = {
    async metadata(clientId: string) {
      const cached = clientCache.get(clientId);
      if (cached && Date.now() - cached.at < CLIENT_CACHE_MS) return cached.metadata;
      const row = await deps.clients.find(clientId);
      const metadata = row && row.status === 'active' ? providerMetadata(row) : undefined;
      clientCache.set(clientId, { metadata, at: Date.now() });
      return metadata;
    },
  };
  const Adapter = createAdapterClass(deps.db, clientSource);

  const isFirstParty = (client: Client | undefined) => client?.metadata().da06_first_party === true;
  const hasApiAccess = (client: Client | undefined) => client?.metadata().da06_api_access === true;

  async function claimsFor(account: AccountRow, scope: string, client: Client | undefined, use: string): Promise<Record<string, unknown>> {
    const scopes = new Set(scope.split(' '));
    const claims: Record<string, unknown> = { sub: account.id };
    if (scopes.has('profile')) {
      claims.name = account.display_name;
      Object.assign(claims, splitName(account.display_name));
      if (account.kind !== 'citizen') claims.preferred_username = account.username;
    }
    if (account.kind !== 'citizen' || !account.person_id) return claims;
    const registryFields: string[] = [];
    if (scopes.has('birthdate') || scopes.has('address') || scopes.has('profile')) {
      const person = await registry.findIdentity(account.person_id);
      if (person) {
        if (scopes.has('profile')) {
          claims.gender = person.sex;
          registryFields.push('sex');
        }
        if (scopes.has('birthdate')) {
          claims.birthdate = person.birthDate;
          registryFields.push('birthDate');
        }
        if (scopes.has('address')) {
          claims.address = { formatted: person.currentAddress ?? person.permanentAddress ?? undefined, locality: person.wardName ?? undefined, country: 'VN' };
          registryFields.push('currentAddress');
        }
      }
    }
    if (scopes.has('person_id')) {
      claims.pid = account.person_id;
      registryFields.push('personId');
    }
    if (registryFields.length > 0 && !isFirstParty(client)) {
      await audit.record({
        actor: { ...actorForAccount(account), clientId: client?.clientId },
        action: 'identity.claims.release',
        purpose: 'sso_claims',
        legalBasis: LEGAL_BASIS.claims,
        subjectPersonId: account.person_id,
        fields: registryFields,
        details: { clientId: client?.clientId ?? null, use },
      });
    }
    return claims;
  }

  async function findAccount(ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined> {
    const account = await identity.findAccount(sub);
    if (!account || account.status !== 'active') return undefined;
    return { accountId: account.id, claims: (use, scope) => claimsFor(account, scope, ctx.oidc.client, use) };
  }

  async function extraTokenClaims(ctx: KoaContextWithOIDC, token: { kind?: string; accountId?: string; clientId?: string; resourceServer?: unknown }) {
    if (!token.resourceServer) return undefined;
    if (!token.accountId) {
      const row = token.clientId ? await deps.clients.find(token.clientId) : undefined;
      return { roles: row?.roles ?? [], wards: row?.wards ?? [], kind: 'client' };
    }
    const account = await identity.findAccount(token.accountId);
    if (!account) return undefined;
    const entities = ctx.oidc.entities;
    const acr = entities.AuthorizationCode?.acr ?? entities.RotatedRefreshToken?.acr ?? entities.RefreshToken?.acr ?? ctx.oidc.session?.acr;
    const grantScopes = entities.Grant?.getOIDCScope?.().split(' ') ?? [];
    const mayCarryPid = isFirstParty(ctx.oidc.client) || grantScopes.includes('person_id');
    return {
      roles: account.roles,
      wards: account.wards,
      ...(account.person_id && mayCarryPid ? { pid: account.person_id } : {}),
      ...(account.unit_id ? { unit: account.unit_id } : {}),
      ...(account.establishment_id ? { est: account.establishment_id } : {}),
      ...(acr ? { acr } : {}),
    };
  }

  function policy() {
    const base = interactionPolicy.base();
    const login = base.get('login')!;
    // Step-up (OIDC Core §3.1.2.1 acr_values): a relying party asking for level 2 while the session is at level 1
    // gets a login prompt again, when the account can reach level 2 at all (otherwise the answer says acr "1").
    login.checks.push(
      new interactionPolicy.Check('da06_level2', 'level 2 authentication requested', async (ctx) => {
        const requested = String(ctx.oidc.params?.acr_values ?? '').split(' ');
        const accountId = ctx.oidc.session?.accountId;
        if (!requested.includes('2') || !accountId || ctx.oidc.acr === '2') return false;
        const account = await identity.findAccount(accountId);
        return account !== undefined && canReachLevel2(account, await identity.hasPasskeys(account.id));
      }),
    );
    return base;
  }

  function build(): ProviderInstance {
    const secrets = deps.secrets();
    const provider = new Provider(issuer, {
      adapter: Adapter,
      clients: [],
      jwks: { keys: keys.all().map((key) => ({ ...key.privateJwk })) },
      cookies: {
        keys: secrets.cookieKeys,
        names: { session: 'da06_op', interaction: 'da06_op_interaction', resume: 'da06_op_resume' },
        long: { httpOnly: true, sameSite: 'lax' },
        short: { httpOnly: true, sameSite: 'lax' },
      },
      claims: {
        // acr and auth_time in every ID token: relying parties check the level reached (OIDC Core §2).
        openid: ['sub', 'acr', 'auth_time'],
        profile: ['name', 'family_name', 'given_name', 'middle_name', 'gender', 'preferred_username'],
        birthdate: ['birthdate'],
        address: ['address'],
        person_id: ['pid'],
        sid: null,
        iss: null,
      },
      scopes: ['openid', 'offline_access', API_SCOPE],
      acrValues: ['1', '2'],
      subjectTypes: ['public', 'pairwise'],
      pairwiseIdentifier: async (_ctx: unknown, accountId: string, client: Client) =>
        createHmac('sha256', secrets.pairwise).update(`${String(client.metadata().da06_sector)}|${accountId}`).digest('base64url'),
      responseTypes: ['code'],
      clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
      clientDefaults: { grant_types: ['authorization_code'], id_token_signed_response_alg: 'ES256', response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' },
      enabledJWA: {
        idTokenSigningAlgValues: ['ES256'],
        userinfoSigningAlgValues: ['ES256'],
        introspectionSigningAlgValues: ['ES256'],
        authorizationSigningAlgValues: ['ES256'],
        clientAuthSigningAlgValues: ['ES256'],
        requestObjectSigningAlgValues: ['ES256'],
      },
      extraClientMetadata: { properties: ['da06_sector', 'da06_first_party', 'da06_api_access', 'da06_purpose'] },
      allowOmittingSingleRegisteredRedirectUri: false,
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        introspection: { enabled: true, allowedPolicy: async (_ctx: unknown, client: Client, token: { clientId?: string }) => token.clientId === client.clientId },
        revocation: { enabled: true, allowedPolicy: async (_ctx: unknown, client: Client, token: { clientId?: string }) => token.clientId === client.clientId },
        dPoP: { enabled: false },
        userinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: async (ctx: KoaContextWithOIDC, form: string) => sendPage(ctx, (nonce) => logoutPage(languageOf(ctx), form, nonce)),
          postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => sendPage(ctx, (nonce) => loggedOutPage(languageOf(ctx), nonce)),
        },
        resourceIndicators: {
          enabled: true,
          // The platform's own client and agency systems get API tokens without naming the resource; a relying party
          // gets them only when it asks (resource=…/api) and is allowed to.
          defaultResource: async (_ctx: unknown, client: Client, oneOf?: string[]) => {
            if (oneOf) return oneOf;
            return hasApiAccess(client) && (isFirstParty(client) || client.grantTypeAllowed('client_credentials')) ? apiAudience : undefined;
          },
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx: unknown, indicator: string, client: Client) => {
            if (indicator !== apiAudience) throw new oidcErrors.InvalidTarget('the only resource server is the DA06 API');
            if (!hasApiAccess(client)) throw new oidcErrors.InvalidTarget('this client may not call the DA06 API');
            return { scope: API_SCOPE, audience: apiAudience, accessTokenTTL: ACCESS_TOKEN_TTL, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } };
          },
        },
      },
      ttl: {
        AccessToken: (_ctx: unknown, token: { resourceServer?: { accessTokenTTL?: number } }) => token.resourceServer?.accessTokenTTL ?? ACCESS_TOKEN_TTL,
        AuthorizationCode: 60,
        ClientCredentials: (_ctx: unknown, token: { resourceServer?: { accessTokenTTL?: number } }) => token.resourceServer?.accessTokenTTL ?? ACCESS_TOKEN_TTL,
        IdToken: 10 * 60,
        RefreshToken: 12 * 3600,
        Interaction: 15 * 60,
        Session: 12 * 3600,
        Grant: 30 * 24 * 3600,
      },
      interactions: { policy: policy(), url: async (_ctx: unknown, interaction: { uid: string }) => `/oidc/interaction/${interaction.uid}` },
      findAccount,
      extraTokenClaims,
      issueRefreshToken: async (_ctx: unknown, client: Client) => client.grantTypeAllowed('refresh_token'),
      rotateRefreshToken: true,
      // First party: the platform's own web client is granted what it asks without a consent screen.
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const client = ctx.oidc.client!;
        const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(client.clientId);
        let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
        if (!isFirstParty(client) || !ctx.oidc.session?.accountId) return grant;
        grant ??= new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: ctx.oidc.session.accountId });
        grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
        for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers)) grant.addResourceScope(indicator, server.scope ?? '');
        await grant.save();
        return grant;
      },
      renderError: async (ctx: KoaContextWithOIDC, out: ErrorOut) => {
        sendPage(ctx, (nonce) => messagePage(languageOf(ctx), out.error_description ?? out.error, nonce, out.error));
      },
      clientBasedCORS: () => false,
      discovery: {
        claims_locales_supported: ['vi', 'en'],
        ui_locales_supported: ['vi', 'en'],
        service_documentation: `${publicUrl}/api/docs`,
      },
    });
    // Secrets are stored hashed: hash what the client presents, then compare in constant time.
    provider.Client.prototype.compareClientSecret = function compareClientSecret(this: Client, actual: string) {
      return typeof actual === 'string' && typeof this.clientSecret === 'string' && sameSecret(this.clientSecret, sha256Hex(actual));
    };
    // Behind DA06 the provider always answers for PUBLIC_URL (see handle()).
    provider.proxy = true;
    provider.on('server_error', (_ctx, error) => deps.logger.error({ err: error }, 'OpenID provider error'));
    return provider;
  }

  let builtFor = keys.all();
  let provider: ProviderInstance | undefined;
  let callback: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;

  function current(): ProviderInstance {
    if (!provider || builtFor !== keys.all()) {
      builtFor = keys.all();
      provider = build();
      callback = provider.callback();
    }
    return provider;
  }

  return {
    issuer,
    apiAudience,
    current,
    handle(req, res, next) {
      // Interaction pages are Fastify's; any path that is not a provider endpoint gets the platform's 404 problem.
      if (!req.url || !PROVIDER_PATHS.test(req.url)) {
        next();
        return;
      }
      // URLs the provider prints (discovery, redirects) come from these headers: pin them to PUBLIC_URL.
      for (const header of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded']) delete req.headers[header];
      req.headers.host = public_.host;
      req.headers['x-forwarded-proto'] = public_.protocol.slice(0, -1);
      current();
      callback!(req, res).catch((error: unknown) => next(error));
    },
    forgetClient(clientId) {
      clientCache.delete(clientId);
    },
  };
}

export { WEB_CLIENT_ID };
