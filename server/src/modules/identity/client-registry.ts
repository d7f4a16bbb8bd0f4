/**
 * The registry of OAuth 2.0 clients: relying parties that sign people in through DA06 (school management, hospital
 * software, the one-stop system) and agency systems that call the platform's API as themselves.
 *
 * Rules enforced:
 * - a client declares the purpose of the personal data it receives (Luật BVDLCN 91/2025/QH15: processing is bound to
 *   a purpose); the consent screen shows it;
 * - redirect URIs are absolute, without fragment or credentials, compared exactly (RFC 6749 §3.1.2, RFC 9700
 *   §4.1.1); https only, except loopback addresses for native and development clients (RFC 8252 §7.3) and any http
 *   address outside production;
 * - relying parties get pairwise subjects by default (OIDC Core §8.1); their redirect URIs share one host, which is
 *   the sector, unless an administrator names a sector shared by several clients of one organisation;
 * - relying parties use the authorization code grant (+ refresh tokens); agency clients the client credentials grant
 *   only, with the `agency_client` role; neither may ask for scopes outside the list below;
 * - the client secret (256 random bits) is shown once; only its SHA-256 is stored (a high-entropy secret needs no
 *   slow hash, OWASP Password Storage Cheat Sheet); the platform's own web client is declared by the platform.
 */
import { randomBytes } from 'node:crypto';
import { ALL_WARDS, type Actor } from '../../kernel/auth.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import { DomainError } from '../../kernel/errors.ts';
import { runIdempotent } from '../../kernel/idempotency.ts';
import type { AuditService } from '../audit/index.ts';
import { IdentityErrors } from './identity.errors.ts';
import * as repo from './identity.repository.ts';
import type { ClientRow } from './identity.repository.ts';
import { sha256Hex } from './secrets.ts';
import { LEGAL_BASIS } from './identity.service.ts';

export const WEB_CLIENT_ID = 'da06-web';
/** Scopes a relying party may ask for: OpenID claims by scope, and `api` for the platform's API. */
export const RELYING_PARTY_SCOPES = ['openid', 'profile', 'birthdate', 'address', 'person_id', 'api'] as const;
export const AGENCY_SCOPES = ['api'] as const;
const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export interface ClientInput {
  clientId?: string | undefined;
  name: string;
  kind: 'relying_party' | 'agency';
  purpose: string;
  redirectUris?: string[] | undefined;
  postLogoutRedirectUris?: string[] | undefined;
  scopes?: string[] | undefined;
  subjectType?: 'pairwise' | 'public' | undefined;
  sectorIdentifier?: string | undefined;
  apiAccess?: boolean | undefined;
  wards?: string[] | undefined;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post' | undefined;
}

export interface ClientChange {
  name?: string | undefined;
  purpose?: string | undefined;
  redirectUris?: string[] | undefined;
  postLogoutRedirectUris?: string[] | undefined;
  scopes?: string[] | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export interface ClientView {
  clientId: string;
  name: string;
  kind: ClientRow['kind'];
  purpose: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: string[];
  scopes: string[];
  subjectType: ClientRow['subject_type'];
  sectorIdentifier: string | null;
  apiAccess: boolean;
  roles: string[];
  wards: string[];
  tokenEndpointAuthMethod: ClientRow['token_endpoint_auth_method'];
  status: ClientRow['status'];
  createdAt: string;
}

export function clientView(row: ClientRow): ClientView {
  return {
    clientId: row.client_id,
    name: row.name,
    kind: row.kind,
    purpose: row.purpose,
    redirectUris: row.redirect_uris,
    postLogoutRedirectUris: row.post_logout_redirect_uris,
    grantTypes: row.grant_types,
    scopes: row.scopes,
    subjectType: row.subject_type,
    sectorIdentifier: row.sector_identifier,
    apiAccess: row.api_access,
    roles: row.roles,
    wards: row.wards,
    tokenEndpointAuthMethod: row.token_endpoint_auth_method,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

function invalid(reason: string): never {
  throw new DomainError(IdentityErrors.IDENTITY_CLIENT_INVALID, { reason });
}

export function checkRedirectUri(uri: string, allowHttp: boolean): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    invalid(`"${uri.slice(0, 100)}" is not an absolute URI`);
  }
  if (url.hash || uri.includes('#')) invalid(`"${uri.slice(0, 100)}" must not have a fragment (RFC 6749 §3.1.2)`);
  if (url.username || url.password) invalid(`"${uri.slice(0, 100)}" must not carry credentials`);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && (loopback || allowHttp)) return;
  invalid(`"${uri.slice(0, 100)}" must use https (http only for loopback addresses)`);
}

/** Metadata of a client as the OpenID provider reads it (RFC 7591 names, plus DA06's own). */
export function providerMetadata(row: ClientRow): Record<string, unknown> {
  return {
    client_id: row.client_id,
    // The provider compares SHA-256(presented secret) with this value (oidc.provider.ts): the secret is not stored.
    client_secret: row.secret_hash,
    client_name: row.name,
    redirect_uris: row.redirect_uris,
    post_logout_redirect_uris: row.post_logout_redirect_uris,
    grant_types: row.grant_types,
    response_types: row.grant_types.includes('authorization_code') ? ['code'] : [],
    scope: row.scopes.join(' '),
    token_endpoint_auth_method: row.token_endpoint_auth_method,
    id_token_signed_response_alg: 'ES256',
    subject_type: row.subject_type,
    da06_sector: row.sector_identifier ?? (row.redirect_uris[0] ? new URL(row.redirect_uris[0]).host : row.client_id),
    da06_first_party: row.first_party,
    da06_api_access: row.api_access,
    da06_purpose: row.purpose,
  };
}

export type ClientRegistry = ReturnType<typeof createClientRegistry>;

export function createClientRegistry(deps: { db: Database; clock: Clock; audit: AuditService; allowHttpRedirects: boolean; onChange: (clientId: string) => void }) {
  const { db, clock, audit } = deps;

  function rowFor(actor: Actor, input: ClientInput, secretHash: string): ClientRow {
    const name = input.name.trim();
    if (name.length === 0) invalid('name is empty');
    const now = clock.now();
    const clientId = input.clientId ?? `${input.kind === 'agency' ? 'agency' : 'rp'}-${randomBytes(6).toString('hex')}`;
    if (!CLIENT_ID.test(clientId) || clientId === WEB_CLIENT_ID) invalid(`client id "${clientId.slice(0, 64)}": 3–64 lower-case letters, digits, ".", "_" or "-"`);
    if (input.purpose.trim().length < 5) invalid('declare the purpose of the data the client receives');
    const wards = input.wards ?? [];
    if (!wards.every((ward) => ward === ALL_WARDS || /^\d{5}$/.test(ward))) invalid('wards are 5-digit ward codes or *');
    const base = { client_id: clientId, name, secret_hash: secretHash, purpose: input.purpose.trim(), status: 'active' as const, created_at: now, created_by: actor.id, updated_at: now, first_party: false };

    if (input.kind === 'agency') {
      if (input.redirectUris?.length) invalid('an agency client uses client credentials: no redirect URIs');
      const scopes = input.scopes ?? ['api'];
      if (!scopes.every((scope) => (AGENCY_SCOPES as readonly string[]).includes(scope))) invalid(`agency scopes: ${AGENCY_SCOPES.join(', ')}`);
      return {
        ...base,
        kind: 'agency',
        token_endpoint_auth_method: input.tokenEndpointAuthMethod ?? 'client_secret_basic',
        redirect_uris: [],
        post_logout_redirect_uris: [],
        grant_types: ['client_credentials'],
        scopes,
        subject_type: 'public',
        sector_identifier: null,
        api_access: true,
        roles: ['agency_client'],
        wards,
      };
    }

    const redirectUris = input.redirectUris ?? [];
    if (redirectUris.length === 0) invalid('a relying party needs at least one redirect URI');
    for (const uri of [...redirectUris, ...(input.postLogoutRedirectUris ?? [])]) checkRedirectUri(uri, deps.allowHttpRedirects);
    const scopes = input.scopes ?? ['openid', 'profile'];
    if (!scopes.includes('openid')) invalid('a relying party asks for the "openid" scope');
    if (!scopes.every((scope) => (RELYING_PARTY_SCOPES as readonly string[]).includes(scope))) invalid(`scopes: ${RELYING_PARTY_SCOPES.join(', ')}`);
    const apiAccess = input.apiAccess ?? scopes.includes('api');
    if (scopes.includes('api') !== apiAccess) invalid('the "api" scope and API access go together');
    const subjectType = input.subjectType ?? 'pairwise';
    const hosts = new Set(redirectUris.map((uri) => new URL(uri).host));
    if (subjectType === 'pairwise' && hosts.size > 1 && !input.sectorIdentifier) invalid('pairwise redirect URIs on several hosts need a sector identifier');
    if (input.sectorIdentifier !== undefined && !/^[a-z0-9.-]{3,253}(:\d{1,5})?$/.test(input.sectorIdentifier)) invalid('the sector identifier is a host name');
    return {
      ...base,
      kind: 'relying_party',
      token_endpoint_auth_method: input.tokenEndpointAuthMethod ?? 'client_secret_basic',
      redirect_uris: redirectUris,
      post_logout_redirect_uris: input.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code', 'refresh_token'],
      scopes,
      subject_type: subjectType,
      sector_identifier: input.sectorIdentifier ?? null,
      api_access: apiAccess,
      roles: [],
      wards,
    };
  }

  async function getRow(clientId: string): Promise<ClientRow> {
    const row = await repo.findClient(db, clientId);
    if (!row) throw new DomainError(IdentityErrors.IDENTITY_CLIENT_NOT_FOUND, { clientId: clientId.slice(0, 64) });
    return row;
  }

  return {
    /** Registers a client; idempotent by `clientRequestId`. The secret is in the first answer only (never stored). */
    async register(actor: Actor, input: ClientInput & { clientRequestId: string }, requestId: string) {
      const secret = randomBytes(32).toString('base64url');
      const row = rowFor(actor, input, sha256Hex(secret));
      const outcome = await runIdempotent(db, { actorId: actor.id, requestId: input.clientRequestId, operation: 'identity.client.register' }, async (tx) => {
        if (!(await repo.insertClient(tx, row))) invalid(`client id "${row.client_id}" is taken`);
        return clientView(row);
      });
      await audit.record({
        actor,
        action: 'identity.client.register',
        purpose: 'client_management',
        legalBasis: LEGAL_BASIS.accounts,
        requestId,
        details: { clientId: outcome.result.clientId, kind: outcome.result.kind, scopes: outcome.result.scopes, subjectType: outcome.result.subjectType, replayed: outcome.replayed },
      });
      return { client: outcome.result, clientSecret: outcome.replayed ? null : secret, replayed: outcome.replayed };
    },

    /** The platform's own web client, re-declared at every start with the current PUBLIC_URL. */
    async declareWebClient(publicUrl: string, secret: string) {
      const now = clock.now();
      await repo.upsertClient(
        db,
        {
          client_id: WEB_CLIENT_ID,
          name: 'DA06 — ứng dụng web / web app',
          kind: 'platform',
          secret_hash: sha256Hex(secret),
          token_endpoint_auth_method: 'client_secret_basic',
          redirect_uris: [`${publicUrl}/auth/callback`],
          post_logout_redirect_uris: [`${publicUrl}/`],
          grant_types: ['authorization_code', 'refresh_token'],
          scopes: ['openid', 'profile', 'person_id', 'api'],
          subject_type: 'public',
          sector_identifier: null,
          purpose: 'Đăng nhập vào nền tảng DA06 / signing in to the DA06 platform',
          api_access: true,
          first_party: true,
          roles: [],
          wards: [],
          status: 'active',
          created_at: now,
          created_by: 'da06-system',
          updated_at: now,
        },
        { replace: true },
      );
      deps.onChange(WEB_CLIENT_ID);
    },

    find: (clientId: string) => repo.findClient(db, clientId),

    async list(page: { limit: number; offset: number }) {
      const result = await repo.listClients(db, page);
      return { items: result.rows.map(clientView), total: result.total };
    },

    async get(clientId: string) {
      return clientView(await getRow(clientId));
    },

    async update(actor: Actor, clientId: string, change: ClientChange, requestId: string) {
      const row = await getRow(clientId);
      if (row.kind === 'platform') throw new DomainError(IdentityErrors.IDENTITY_CLIENT_PROTECTED);
      const merged = rowFor(
        actor,
        {
          clientId,
          name: change.name ?? row.name,
          kind: row.kind,
          purpose: change.purpose ?? row.purpose,
          redirectUris: row.kind === 'agency' ? undefined : (change.redirectUris ?? row.redirect_uris),
          postLogoutRedirectUris: change.postLogoutRedirectUris ?? row.post_logout_redirect_uris,
          scopes: change.scopes ?? row.scopes,
          subjectType: row.subject_type,
          sectorIdentifier: row.sector_identifier ?? undefined,
          apiAccess: change.scopes ? change.scopes.includes('api') : row.api_access,
          wards: row.wards,
          tokenEndpointAuthMethod: row.token_endpoint_auth_method,
        },
        row.secret_hash,
      );
      await repo.updateClient(
        db,
        clientId,
        { name: merged.name, purpose: merged.purpose, redirect_uris: merged.redirect_uris, post_logout_redirect_uris: merged.post_logout_redirect_uris, scopes: merged.scopes, status: change.status },
        clock.now(),
      );
      deps.onChange(clientId);
      await audit.record({ actor, action: 'identity.client.update', purpose: 'client_management', legalBasis: LEGAL_BASIS.accounts, requestId, details: { clientId, fields: Object.keys(change) } });
      return clientView(await getRow(clientId));
    },

    async rotateSecret(actor: Actor, clientId: string, requestId: string) {
      const row = await getRow(clientId);
      if (row.kind === 'platform') throw new DomainError(IdentityErrors.IDENTITY_CLIENT_PROTECTED);
      const secret = randomBytes(32).toString('base64url');
      await repo.updateClient(db, clientId, { secret_hash: sha256Hex(secret) }, clock.now());
      deps.onChange(clientId);
      await audit.record({ actor, action: 'identity.client.secret_rotate', purpose: 'client_management', legalBasis: LEGAL_BASIS.security, requestId, details: { clientId } });
      return { clientId, clientSecret: secret };
    },
  };
}
