/**
 * Who is calling: roles, the actor, and the platform's access tokens.
 *
 * Access tokens are JWTs (RFC 9068 profile) signed with the platform's ES256 keys. The OpenID provider issues the same
 * format, so one verifier serves scripts, the web app and relying parties. Claims beyond RFC 9068:
 * - `roles`: the actor's roles (deny by default: a route lists the roles it allows);
 * - `wards`: the administrative units (current ward codes) the actor may act on; `*` means every ward of the town;
 * - `pid`: a citizen's personal id number, so that the citizen's own routes ("my record", "who read my data") work;
 * - `unit`, `est`: the plan unit of a reporter, the establishment of a host.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, createLocalJWKSet, type JWTPayload } from 'jose';
import { DomainError, KernelErrors } from './errors.ts';
import { SIGNING_ALG, type KeyStore } from './keys.ts';

export const ROLES = [
  'citizen',
  'police',
  'one_stop_officer',
  'host',
  'checkpoint_operator',
  'sector_officer',
  'leader',
  'working_group_secretary',
  'unit_reporter',
  'soc_analyst',
  'admin',
  'agency_client',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  citizen: { vi: 'Công dân', en: 'Citizen' },
  police: { vi: 'Cảnh sát khu vực / Công an', en: 'Police officer' },
  one_stop_officer: { vi: 'Cán bộ một cửa', en: 'One-stop-shop officer' },
  host: { vi: 'Cơ sở lưu trú', en: 'Accommodation host' },
  checkpoint_operator: { vi: 'Nhân viên điểm kiểm tra', en: 'Checkpoint operator' },
  sector_officer: { vi: 'Cán bộ chuyên ngành', en: 'Sector officer' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  working_group_secretary: { vi: 'Thư ký Tổ công tác Đề án 06', en: 'Project 06 working-group secretary' },
  unit_reporter: { vi: 'Cán bộ báo cáo của đơn vị', en: 'Unit reporter' },
  soc_analyst: { vi: 'Cán bộ giám sát an ninh (SOC)', en: 'Security analyst (SOC)' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  agency_client: { vi: 'Hệ thống của cơ quan', en: 'Agency system' },
};

export const ALL_WARDS = '*';

export interface Actor {
  kind: 'user' | 'client';
  /** The token's subject: a user id, or the client id of a machine client. */
  id: string;
  roles: Role[];
  wards: string[];
  personId?: string | undefined;
  unitId?: string | undefined;
  establishmentId?: string | undefined;
  /** Authentication context class: "1" or "2" for citizen e-ID levels (Nghị định 69/2024). */
  acr?: string | undefined;
  scopes: string[];
  clientId?: string | undefined;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function actsOnWard(actor: Actor, ward: string): boolean {
  return actor.wards.includes(ALL_WARDS) || actor.wards.includes(ward);
}

export interface TokenIssuer {
  issue(claims: TokenClaims, options?: { ttlSeconds?: number }): Promise<string>;
  verify(token: string): Promise<Actor>;
}

export interface TokenClaims {
  sub: string;
  roles: Role[];
  wards?: string[];
  personId?: string;
  unitId?: string;
  establishmentId?: string;
  acr?: string;
  scopes?: string[];
  clientId?: string;
  kind?: Actor['kind'];
}

export function createTokenIssuer(options: { keys: KeyStore; issuer: string; audience: string; defaultTtlSeconds: number }): TokenIssuer {
  const { keys, issuer, audience } = options;
  // Rebuilt when the key list changes (a rotation), so that a new key verifies at once.
  let jwksFor: unknown;
  let jwks = createLocalJWKSet(keys.publicJwks());
  // A token's signature is checked once: a counter scanning cards all day sends the same token thousands of times,
  // and an ES256 verification costs about half a millisecond of CPU. Entries expire with their token.
  const verified = new Map<string, { actor: Actor; expiresAt: number }>();
  const CACHE_LIMIT = 10_000;
  return {
    async issue(claims, { ttlSeconds = options.defaultTtlSeconds } = {}) {
      const key = keys.current();
      const payload: JWTPayload = {
        roles: claims.roles,
        wards: claims.wards ?? [],
        client_id: claims.clientId ?? 'da06-cli',
        scope: (claims.scopes ?? []).join(' ') || undefined,
        pid: claims.personId,
        unit: claims.unitId,
        est: claims.establishmentId,
        acr: claims.acr,
        kind: claims.kind,
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(claims.sub)
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key.privateKey);
    },

    async verify(token) {
      const cached = verified.get(token);
      if (cached) {
        if (cached.expiresAt > Date.now()) return cached.actor;
        verified.delete(token);
      }
      if (jwksFor !== keys.all()) {
        jwksFor = keys.all();
        jwks = createLocalJWKSet(keys.publicJwks());
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, { issuer, audience, algorithms: [SIGNING_ALG], typ: 'at+jwt' }));
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw new DomainError(KernelErrors.TOKEN_EXPIRED);
        throw new DomainError(KernelErrors.TOKEN_INVALID);
      }
      const actor = actorFromClaims(payload);
      if (verified.size >= CACHE_LIMIT) verified.delete(verified.keys().next().value!);
      verified.set(token, { actor, expiresAt: (payload.exp ?? 0) * 1000 });
      return actor;
    },
  };
}

function stringArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  return [];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function actorFromClaims(payload: JWTPayload): Actor {
  if (!payload.sub) throw new DomainError(KernelErrors.TOKEN_INVALID);
  const clientId = optionalString(payload.client_id);
  const kind = payload.kind === 'client' || (clientId !== undefined && payload.sub === clientId) ? 'client' : 'user';
  return {
    kind,
    id: payload.sub,
    roles: stringArray(payload.roles).filter(isRole),
    wards: stringArray(payload.wards),
    personId: optionalString(payload.pid),
    unitId: optionalString(payload.unit),
    establishmentId: optionalString(payload.est),
    acr: optionalString(payload.acr),
    scopes: stringArray(payload.scope),
    clientId,
  };
}
