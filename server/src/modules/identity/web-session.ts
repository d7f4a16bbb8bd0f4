/**
 * The web app's sign-in: a backend-for-frontend (IETF draft "OAuth 2.0 for Browser-Based Applications" §6.1).
 *
 * The server is the web app's confidential OpenID client. The browser never holds a token: it holds one cookie,
 * and the tokens stay in identity.web_session, sealed (AES-256-GCM) with a key derived from that cookie, so the
 * table alone reveals nothing. Routes:
 *   GET  /auth/login?returnTo=/path[&acr=2]  redirect to the provider with PKCE (S256), state and nonce
 *   GET  /auth/callback                       code exchange on the server, session cookie, redirect to returnTo
 *   POST /auth/logout                         end the session, revoke the refresh token, answer the provider's
 *                                             end-session URL (RP-initiated logout) for the browser to visit
 *   GET  /auth/session                        who is signed in (no token), and the CSRF token
 *
 * Rules enforced:
 * - the session cookie is HttpOnly, SameSite=Lax, Path=/, Secure and `__Host-` prefixed when PUBLIC_URL is https;
 * - `state` is bound to the browser by a short-lived cookie and used once (RFC 6749 §10.12, login CSRF);
 * - `returnTo` is a path of this site only (no scheme, no host, no `//`): no open redirect (RFC 9700 §4.11);
 * - CSRF: a state-changing request (not GET/HEAD/OPTIONS) authenticated by the cookie must carry the header
 *   `x-da06-csrf` with the session's token from GET /auth/session. A cross-site page cannot read that token nor
 *   send a custom header without a CORS preflight, which DA06 never grants; SameSite=Lax is the second layer.
 *   Requests with a bearer token carry no ambient credential and need no CSRF token;
 * - an access token about to expire (30 s) is refreshed with the refresh token (rotated at every use); two requests
 *   of one session refresh once (in-process lock, then an optimistic version check across processes).
 * Code exchange and refresh reach the provider in-process (Fastify inject), so they work whatever the public address.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { Type, type Static } from 'typebox';
import type { Actor, TokenIssuer } from '../../kernel/auth.ts';
import type { Database } from '../../kernel/db.ts';
import { DomainError } from '../../kernel/errors.ts';
import type { Logger } from '../../kernel/logger.ts';
import { IdentityErrors } from './identity.errors.ts';
import * as repo from './identity.repository.ts';
import type { IdentityService } from './identity.service.ts';
import type { OidcProvider } from './oidc.provider.ts';
import { WEB_CLIENT_ID } from './client-registry.ts';
import { sameSecret, sha256Hex, type ServerSecrets } from './secrets.ts';

export const CSRF_HEADER = 'x-da06-csrf';
const SESSION_TTL_MS = 12 * 3600_000;
const LOGIN_TTL_MS = 10 * 60_000;
const REFRESH_MARGIN_MS = 30_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

interface TokenSet {
  accessToken: string;
  refreshToken: string | undefined;
  idToken: string | undefined;
  /** Epoch milliseconds. */
  accessExpiresAt: number;
}

interface SessionKeys {
  idHash: string;
  sealKey: Buffer;
  csrfToken: string;
}

function keysFor(cookieValue: string): SessionKeys {
  const raw = Buffer.from(cookieValue, 'base64url');
  return {
    idHash: sha256Hex(raw),
    sealKey: Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'da06-web-session:seal', 32)),
    csrfToken: createHmac('sha256', raw).update('da06-web-session:csrf').digest('base64url'),
  };
}

function seal(tokens: TokenSet, keys: SessionKeys): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.sealKey, iv);
  cipher.setAAD(Buffer.from(keys.idHash));
  const body = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function unseal(sealed: Buffer, keys: SessionKeys): TokenSet | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.sealKey, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(keys.idHash));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')) as TokenSet;
  } catch {
    return undefined;
  }
}

/** A same-site path to come back to after sign-in, or an error: never another origin (no open redirect). */
export function safeReturnTo(value: string | undefined, publicUrl: string): string {
  if (value === undefined || value === '') return '/';
  const origin = new URL(publicUrl).origin;
  const controlOrBackslash = [...value].some((character) => character.charCodeAt(0) < 0x20 || character === '\\');
  if (!value.startsWith('/') || value.startsWith('//') || controlOrBackslash) {
    throw new DomainError(IdentityErrors.IDENTITY_RETURN_TO_INVALID);
  }
  const resolved = new URL(value, origin);
  if (resolved.origin !== origin) throw new DomainError(IdentityErrors.IDENTITY_RETURN_TO_INVALID);
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

const LoginQuery = Type.Object({
  returnTo: Type.Optional(Type.String({ maxLength: 500 })),
  acr: Type.Optional(Type.Literal('2')),
  lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
});
const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 512 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    iss: Type.Optional(Type.String({ maxLength: 512 })),
    error: Type.Optional(Type.String({ maxLength: 100 })),
    error_description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: true },
);
export const SessionInfo = Type.Object({
  authenticated: Type.Boolean(),
  accountId: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  displayName: Type.Optional(Type.String()),
  roles: Type.Optional(Type.Array(Type.String())),
  wards: Type.Optional(Type.Array(Type.String())),
  unitId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  establishmentId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  eIdLevel: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  acr: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  csrfToken: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
});
const LogoutResult = Type.Object({ signedOut: Type.Boolean(), endSessionUrl: Type.Union([Type.String(), Type.Null()]) });

export interface WebSessionDeps {
  db: Database;
  logger: Logger;
  tokens: TokenIssuer;
  oidc: OidcProvider;
  identity: IdentityService;
  publicUrl: string;
  secrets: () => ServerSecrets;
}

export type WebSessions = ReturnType<typeof createWebSessions>;

export function createWebSessions(deps: WebSessionDeps) {
  const { db, publicUrl } = deps;
  const secure = publicUrl.startsWith('https:');
  const sessionCookie = secure ? '__Host-da06_session' : 'da06_session';
  const loginCookie = secure ? '__Host-da06_login' : 'da06_login';
  const redirectUri = `${publicUrl}/auth/callback`;
  const publicHost = new URL(publicUrl).host;
  let app: FastifyInstance | undefined;
  let configuration: Promise<client.Configuration> | undefined;
  const refreshing = new Map<string, Promise<TokenSet | undefined>>();

  /** A Set-Cookie value (RFC 6265 §4.1; SameSite and the `__Host-` prefix from RFC 6265bis). Values are base64url. */
  function cookie(name: string, value: string, maxAgeSeconds: number): string {
    return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  }

  /** The provider reached in-process: same routes, same checks, no network hop and no dependency on DNS or TLS. */
  const injectFetch: client.CustomFetch = async (url, options) => {
    if (!app) throw new Error('the web session routes are not mounted');
    const target = new URL(url);
    const headers: Record<string, string> = { ...options.headers, host: publicHost };
    const body = options.body instanceof URLSearchParams ? options.body.toString() : (options.body as string | undefined);
    const response = await app.inject({ method: options.method as 'GET', url: `${target.pathname}${target.search}`, headers, ...(body === undefined ? {} : { payload: body }) });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, String(item));
    }
    const noBody = [101, 204, 205, 304].includes(response.statusCode);
    return new Response(noBody ? null : response.rawPayload, { status: response.statusCode, headers: responseHeaders });
  };

  function config(): Promise<client.Configuration> {
    configuration ??= client
      .discovery(new URL(deps.oidc.issuer), WEB_CLIENT_ID, { id_token_signed_response_alg: 'ES256' }, client.ClientSecretBasic(deps.secrets().webClientSecret), {
        [client.customFetch]: injectFetch,
        execute: publicUrl.startsWith('http:') ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  function tokenSet(response: client.TokenEndpointResponse, previous?: TokenSet): TokenSet {
    return {
      accessToken: response.access_token,
      refreshToken: response.refresh_token ?? previous?.refreshToken,
      idToken: response.id_token ?? previous?.idToken,
      accessExpiresAt: Date.now() + (response.expires_in ?? 60) * 1000,
    };
  }

  /** One cookie of the Cookie header (RFC 6265 §5.4); the first one wins, as browsers send the most specific first. */
  function readCookie(request: FastifyRequest, name: string): string | undefined {
    const header = request.headers.cookie;
    if (typeof header !== 'string') return undefined;
    for (const pair of header.split(';')) {
      const separator = pair.indexOf('=');
      if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
    }
    return undefined;
  }

  interface LoadedSession {
    row: repo.WebSessionRow;
    keys: SessionKeys;
    tokens: TokenSet;
  }

  async function load(request: FastifyRequest): Promise<LoadedSession | undefined> {
    const value = readCookie(request, sessionCookie);
    if (!value || !COOKIE_VALUE.test(value)) return undefined;
    const keys = keysFor(value);
    const row = await repo.findWebSession(db, keys.idHash, new Date());
    if (!row) return undefined;
    const tokens = unseal(row.sealed_tokens, keys);
    return tokens ? { row, keys, tokens } : undefined;
  }

  async function refresh(session: LoadedSession): Promise<TokenSet | undefined> {
    const { row, keys, tokens } = session;
    if (!tokens.refreshToken) return undefined;
    try {
      const response = await client.refreshTokenGrant(await config(), tokens.refreshToken, { resource: deps.oidc.apiAudience });
      const next = tokenSet(response, tokens);
      if (await repo.replaceWebSessionTokens(db, keys.idHash, row.version, seal(next, keys), new Date(next.accessExpiresAt), new Date())) return next;
    } catch (error) {
      deps.logger.debug({ err: error }, 'web session refresh failed');
    }
    // Another process may have refreshed first (the provider accepts a refresh token once): take its tokens.
    const latest = await repo.findWebSession(db, keys.idHash, new Date());
    const latestTokens = latest && latest.version !== row.version ? unseal(latest.sealed_tokens, keys) : undefined;
    if (latestTokens && latestTokens.accessExpiresAt > Date.now()) return latestTokens;
    await repo.deleteWebSession(db, keys.idHash);
    return undefined;
  }

  /** The session's current access token, refreshed when it is (nearly) expired. */
  async function currentTokens(session: LoadedSession): Promise<TokenSet | undefined> {
    if (session.tokens.accessExpiresAt - REFRESH_MARGIN_MS > Date.now()) return session.tokens;
    let pending = refreshing.get(session.keys.idHash);
    if (!pending) {
      pending = refresh(session).finally(() => refreshing.delete(session.keys.idHash));
      refreshing.set(session.keys.idHash, pending);
    }
    return pending;
  }

  async function actorOf(session: LoadedSession): Promise<Actor | undefined> {
    const tokens = await currentTokens(session);
    if (!tokens) return undefined;
    try {
      return await deps.tokens.verify(tokens.accessToken);
    } catch {
      return undefined;
    }
  }

  return {
    cookieName: sessionCookie,

    /** The kernel's cookie authenticator: an actor for a valid session; refuses unsafe requests without the CSRF token. */
    async sessionActor(request: FastifyRequest): Promise<Actor | undefined> {
      const session = await load(request);
      if (!session) return undefined;
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameSecret(sent, session.keys.csrfToken)) throw new DomainError(IdentityErrors.IDENTITY_CSRF_REJECTED);
      }
      return actorOf(session);
    },

    routes: async function webSessionRoutes(instance: FastifyInstance) {
      app = instance;
      const publicRoute = { access: { public: true as const } };
      const tags = ['identity'];

      instance.get<{ Querystring: Static<typeof LoginQuery> }>(
        '/auth/login',
        { config: publicRoute, schema: { summary: 'Đăng nhập ứng dụng web qua DA06 (BFF) / web app sign-in', tags, querystring: LoginQuery } },
        async (request, reply) => {
          const returnTo = safeReturnTo(request.query.returnTo, publicUrl);
          const configured = await config();
          const state = client.randomState();
          const nonce = client.randomNonce();
          const verifier = client.randomPKCECodeVerifier();
          await repo.insertWebLogin(db, { state_hash: sha256Hex(state), code_verifier: verifier, nonce, return_to: returnTo, expires_at: new Date(Date.now() + LOGIN_TTL_MS) });
          const url = client.buildAuthorizationUrl(configured, {
            redirect_uri: redirectUri,
            scope: 'openid api',
            resource: deps.oidc.apiAudience,
            code_challenge: await client.calculatePKCECodeChallenge(verifier),
            code_challenge_method: 'S256',
            state,
            nonce,
            ...(request.query.acr ? { acr_values: request.query.acr } : {}),
            ...(request.query.lang ? { ui_locales: request.query.lang } : {}),
          });
          return reply.header('set-cookie', cookie(loginCookie, state, LOGIN_TTL_MS / 1000)).header('cache-control', 'no-store').redirect(url.href, 302);
        },
      );

      instance.get<{ Querystring: Static<typeof CallbackQuery> }>(
        '/auth/callback',
        { config: publicRoute, schema: { summary: 'Nhận kết quả đăng nhập từ nhà cung cấp OpenID (BFF) / sign-in callback', tags, querystring: CallbackQuery } },
        async (request, reply) => {
          const state = request.query.state;
          const bound = readCookie(request, loginCookie);
          reply.header('set-cookie', cookie(loginCookie, '', 0)).header('cache-control', 'no-store');
          if (!state || !bound || !sameSecret(state, bound)) throw new DomainError(IdentityErrors.IDENTITY_SIGN_IN_INVALID);
          const pending = await repo.takeWebLogin(db, sha256Hex(state), new Date());
          if (!pending) throw new DomainError(IdentityErrors.IDENTITY_SIGN_IN_INVALID);
          if (request.query.error) {
            const code = /^[a-z_]{1,40}$/.test(request.query.error) ? request.query.error : 'server_error';
            const separator = pending.return_to.includes('?') ? '&' : '?';
            return reply.redirect(`${pending.return_to}${separator}signInError=${code}`, 303);
          }
          let response: client.TokenEndpointResponse;
          try {
            response = await client.authorizationCodeGrant(
              await config(),
              new URL(`${publicUrl}${request.url}`),
              { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true },
              { resource: deps.oidc.apiAudience },
            );
          } catch (error) {
            request.log.info({ err: error }, 'web sign-in code exchange refused');
            throw new DomainError(IdentityErrors.IDENTITY_SIGN_IN_INVALID);
          }
          const tokens = tokenSet(response);
          const actor = await deps.tokens.verify(tokens.accessToken);
          const value = randomBytes(32).toString('base64url');
          const keys = keysFor(value);
          const now = new Date();
          await repo.insertWebSession(db, {
            id_hash: keys.idHash,
            account_id: actor.id,
            sealed_tokens: seal(tokens, keys),
            access_expires_at: new Date(tokens.accessExpiresAt),
            created_at: now,
            last_seen_at: now,
            expires_at: new Date(now.getTime() + SESSION_TTL_MS),
          });
          return reply.header('set-cookie', [cookie(loginCookie, '', 0), cookie(sessionCookie, value, SESSION_TTL_MS / 1000)]).redirect(pending.return_to, 303);
        },
      );

      instance.get(
        '/auth/session',
        { config: publicRoute, schema: { summary: 'Người đang đăng nhập ứng dụng web (không có mã truy cập) / who is signed in (no token)', tags, response: { 200: SessionInfo } } },
        async (request, reply) => {
          reply.header('cache-control', 'no-store');
          const session = await load(request);
          const actor = session ? await actorOf(session) : undefined;
          const account = actor ? await deps.identity.findAccount(actor.id) : undefined;
          if (!session || !actor || !account) return { authenticated: false };
          return {
            authenticated: true,
            accountId: account.id,
            kind: account.kind,
            displayName: account.display_name,
            roles: actor.roles,
            wards: actor.wards,
            unitId: actor.unitId ?? null,
            establishmentId: actor.establishmentId ?? null,
            eIdLevel: account.eid_level,
            acr: actor.acr ?? null,
            csrfToken: session.keys.csrfToken,
            expiresAt: session.row.expires_at.toISOString(),
          };
        },
      );

      instance.post(
        '/auth/logout',
        { config: publicRoute, schema: { summary: `Đăng xuất ứng dụng web (cần tiêu đề ${CSRF_HEADER}) / sign out of the web app (needs the ${CSRF_HEADER} header)`, tags, response: { 200: LogoutResult } } },
        async (request, reply: FastifyReply) => {
          reply.header('cache-control', 'no-store');
          const session = await load(request);
          if (!session) return reply.header('set-cookie', cookie(sessionCookie, '', 0)).send({ signedOut: true, endSessionUrl: null });
          const sent = request.headers[CSRF_HEADER];
          if (typeof sent !== 'string' || !sameSecret(sent, session.keys.csrfToken)) throw new DomainError(IdentityErrors.IDENTITY_CSRF_REJECTED);
          await repo.deleteWebSession(db, session.keys.idHash);
          const configured = await config();
          if (session.tokens.refreshToken) {
            await client.tokenRevocation(configured, session.tokens.refreshToken, { token_type_hint: 'refresh_token' }).catch((error: unknown) => request.log.info({ err: error }, 'refresh token revocation failed'));
          }
          const endSessionUrl = client.buildEndSessionUrl(configured, {
            post_logout_redirect_uri: `${publicUrl}/`,
            ...(session.tokens.idToken ? { id_token_hint: session.tokens.idToken } : { client_id: WEB_CLIENT_ID }),
          });
          return reply.header('set-cookie', cookie(sessionCookie, '', 0)).send({ signedOut: true, endSessionUrl: endSessionUrl.href });
        },
      );
    },
  };
}
