/**
 * Use cases of e-ID accounts: citizen self-registration (level 1) and the police's level-2 grant, staff and business
 * accounts, password and second-factor checks for the login pages, passkeys, and children under a parent's account.
 *
 * Rules enforced here:
 * - a citizen registers with particulars that must match the registry (name ignoring case and diacritics, birth
 *   date), is living and at least 14; every attempt gets the same answer whether it matched or not, and only a match
 *   sends a code (no registry oracle); the code is six digits, lives five minutes and allows five tries;
 * - level 2 is granted by a police officer of the citizen's ward after an in-person check, and written to the
 *   registry too (Nghị định 69/2024/NĐ-CP); an officer outside the ward gets "not found";
 * - login failures are throttled per login name and per client address (brute-force.ts); locks and their ends are
 *   audited; an unknown name costs the same Argon2 work as a wrong password;
 * - administrators create staff and business owners with a temporary password shown once and changed at first
 *   login; an owner adds operator accounts of its own establishment only;
 * - account creation is idempotent by client request id; the stored answer never holds the temporary password.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { actsOnWard, ALL_WARDS, isRole, type Actor, type Role } from '../../kernel/auth.ts';
import { vietnamDate, type Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import { DomainError, KernelErrors } from '../../kernel/errors.ts';
import { runIdempotent } from '../../kernel/idempotency.ts';
import type { Logger } from '../../kernel/logger.ts';
import type { MessageSender } from '../../kernel/outbound.ts';
import { SYSTEM_ACTOR, type AuditService } from '../audit/index.ts';
import { namesMatch, type PersonView, type RegistryService } from '../registry/index.ts';
import { ADDRESS_POLICY, NAME_POLICY, afterFailure, decide, secondsUntil, type ThrottlePolicy } from './brute-force.ts';
import { IdentityErrors } from './identity.errors.ts';
import * as repo from './identity.repository.ts';
import type { AccountKind, AccountRow } from './identity.repository.ts';
import { acrFor, finalAmr } from './login-steps.ts';
import { passkeyLoginOptions, passkeyRegistrationOptions, relyingPartyFor, verifyPasskeyLogin, verifyPasskeyRegistration, CHALLENGE_TTL_MS } from './passkeys.ts';
import { checkPassword, hashPassword, temporaryPassword, verifyDecoy, verifyPassword, type PasswordContext } from './password-policy.ts';
import { hmacHex, numericCode, sameSecret, type ServerSecrets } from './secrets.ts';
import { acceptTotp, newTotpSecret, totpUri } from './totp.ts';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

export const LEGAL_BASIS = {
  eid: 'Nghị định 69/2024/NĐ-CP về định danh và xác thực điện tử',
  security: 'Nghị định 85/2016/NĐ-CP; Luật An ninh mạng 116/2025/QH15 (bảo đảm an toàn hệ thống thông tin cấp độ 3)',
  accounts: 'Nghị định 69/2024/NĐ-CP; Quyết định 06/QĐ-TTg (Đề án 06)',
  claims: 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (đồng ý của chủ thể dữ liệu); Nghị định 69/2024/NĐ-CP',
} as const;

export const STAFF_ROLES = ['police', 'one_stop_officer', 'sector_officer', 'leader', 'working_group_secretary', 'unit_reporter', 'soc_analyst', 'admin'] as const satisfies readonly Role[];
export const BUSINESS_ROLES = ['host', 'checkpoint_operator'] as const satisfies readonly Role[];
export const ESTABLISHMENT_KINDS = ['hotel', 'rental_house', 'hospital', 'bus_operator', 'site_gate', 'pawn_shop', 'exam_centre'] as const;
export type EstablishmentKind = (typeof ESTABLISHMENT_KINDS)[number];

const REGISTRATION_TTL_MS = 5 * 60_000;
const REGISTRATION_MAX_ATTEMPTS = 5;
const REGISTRATIONS_PER_PERSON_PER_HOUR = 3;
/** Registrations per client address: each start counts, whatever its outcome (SMS flooding, registry probing). */
const REGISTRATION_ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 10, lockAfter: 30, lockMinutes: 60, maxDelaySeconds: 60, windowMinutes: 60 };
const LOGIN_OTP_TTL_MS = 5 * 60_000;
const LOGIN_OTP_MAX_ATTEMPTS = 5;
export const LOGIN_PROGRESS_TTL_MS = 15 * 60_000;

const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;

export interface AccountView {
  id: string;
  kind: AccountKind;
  username: string;
  displayName: string;
  phone: string | null;
  roles: string[];
  wards: string[];
  unitId: string | null;
  establishmentId: string | null;
  establishmentKind: string | null;
  isEstablishmentOwner: boolean;
  eIdLevel: number | null;
  status: 'active' | 'disabled';
  passwordMustChange: boolean;
  secondFactors: { totp: boolean; passkeys: number };
  createdAt: string;
}

export function accountView(row: AccountRow, passkeys: number): AccountView {
  return {
    id: row.id,
    kind: row.kind,
    username: row.username,
    displayName: row.display_name,
    phone: row.phone,
    roles: row.roles,
    wards: row.wards,
    unitId: row.unit_id,
    establishmentId: row.establishment_id,
    establishmentKind: row.establishment_kind,
    isEstablishmentOwner: row.is_establishment_owner,
    eIdLevel: row.eid_level,
    status: row.status,
    passwordMustChange: row.password_must_change,
    secondFactors: { totp: row.totp_secret !== null, passkeys },
    createdAt: row.created_at.toISOString(),
  };
}

/** The actor an account acts as (the claims its access tokens carry). */
export function actorForAccount(account: AccountRow, acr?: string): Actor {
  return {
    kind: 'user',
    id: account.id,
    roles: account.roles.filter(isRole),
    wards: account.wards,
    personId: account.person_id ?? undefined,
    unitId: account.unit_id ?? undefined,
    establishmentId: account.establishment_id ?? undefined,
    acr,
    scopes: [],
  };
}

/** Vietnamese mobile numbers, stored as 0xxxxxxxxx. */
export function normalizePhone(phone: string): string | undefined {
  const digits = phone.replace(/[\s.()-]/g, '');
  const match = /^(?:\+?84|0)([35789]\d{8})$/.exec(digits);
  return match ? `0${match[1]}` : undefined;
}

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export interface StaffInput {
  requestId: string;
  username: string;
  displayName: string;
  phone?: string | undefined;
  roles: string[];
  wards?: string[] | undefined;
  unitId?: string | undefined;
}

export interface BusinessInput {
  requestId: string;
  username: string;
  displayName: string;
  phone?: string | undefined;
  roles: string[];
  establishmentId: string;
  establishmentKind: EstablishmentKind;
  wards?: string[] | undefined;
}

export interface AccountChangeInput {
  displayName?: string | undefined;
  phone?: string | null | undefined;
  roles?: string[] | undefined;
  wards?: string[] | undefined;
  unitId?: string | null | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export type IdentityService = ReturnType<typeof createIdentityService>;

export function createIdentityService(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  registry: RegistryService;
  sender: MessageSender;
  publicUrl: string;
  secrets: () => ServerSecrets;
}) {
  const { db, clock, audit, registry, sender } = deps;
  const rp = relyingPartyFor(deps.publicUrl);
  const today = () => vietnamDate(clock.now());

  const codeHash = (purpose: string, id: string, code: string) => hmacHex(deps.secrets().codes, `${purpose}:${id}:${code}`);
  const nameKey = (username: string) => `name:${hmacHex(deps.secrets().codes, `login-name:${username.trim().toLowerCase()}`)}`;
  const addressKey = (ip: string) => `address:${ip}`;
  const policyFor = (key: string) => (key.startsWith('address:') ? ADDRESS_POLICY : key.startsWith('registration:') ? REGISTRATION_ADDRESS_POLICY : NAME_POLICY);

  async function getAccount(id: string): Promise<AccountRow> {
    const account = await repo.findAccountById(db, id);
    if (!account) throw new DomainError(IdentityErrors.IDENTITY_ACCOUNT_NOT_FOUND);
    return account;
  }

  async function viewOf(account: AccountRow): Promise<AccountView> {
    return accountView(account, (await repo.listPasskeys(db, account.id)).length);
  }

  function assertPassword(password: string, context: PasswordContext) {
    const problems = checkPassword(password, context);
    if (problems.length > 0) {
      throw new DomainError(
        IdentityErrors.IDENTITY_PASSWORD_POLICY,
        { reasonsVi: problems.map((problem) => problem.vi).join('; '), reasonsEn: problems.map((problem) => problem.en).join('; ') },
        { problems: problems.map((problem) => problem.code) },
      );
    }
  }

  function assertWards(wards: string[]) {
    const date = today();
    for (const ward of wards) {
      if (ward === ALL_WARDS) continue;
      if (!registry.units.on(ward, 'ward', date) && !registry.units.on(ward, 'commune', date)) throw new DomainError(IdentityErrors.IDENTITY_CLIENT_INVALID, { reason: `ward ${ward}` });
    }
  }

  function assertRoles(kind: AccountKind, roles: string[], allowed: readonly string[]) {
    if (roles.length === 0 || !roles.every((role) => allowed.includes(role))) {
      throw new DomainError(IdentityErrors.IDENTITY_ROLES_INVALID, { kind, allowed: allowed.join(', ') });
    }
  }

  function assertUsername(username: string) {
    if (!USERNAME.test(username)) {
      throw new DomainError(KernelErrors.VALIDATION_FAILED, { summary: 'username: 3–40 lower-case letters, digits, ".", "_" or "-", starting with a letter' });
    }
  }

  function phoneOrFail(phone: string | undefined | null): string | null {
    if (phone === undefined || phone === null || phone === '') return null;
    const normalized = normalizePhone(phone);
    if (!normalized) throw new DomainError(KernelErrors.VALIDATION_FAILED, { summary: 'phone: a Vietnamese mobile number (0xxxxxxxxx)' });
    return normalized;
  }

  /**
   * Creates a staff or business account with a temporary password that must be changed at first sign-in; `fields`
   * says what differs between kinds (roles, wards, unit, establishment).
   */
  async function createAccount(
    actor: Actor,
    requestId: string,
    operation: string,
    fields: Pick<repo.AccountInsert, 'kind' | 'username' | 'display_name' | 'phone' | 'roles' | 'wards'> &
      Partial<Pick<repo.AccountInsert, 'unit_id' | 'establishment_id' | 'establishment_kind' | 'is_establishment_owner'>>,
  ) {
    const password = temporaryPassword(randomBytes);
    const passwordHash = await hashPassword(password);
    const outcome = await runIdempotent(db, { actorId: actor.id, requestId, operation }, async (tx) => {
      const row: repo.AccountInsert = {
        id: randomUUID(),
        person_id: null,
        password_must_change: true,
        unit_id: null,
        establishment_id: null,
        establishment_kind: null,
        is_establishment_owner: false,
        eid_level: null,
        totp_secret: null,
        status: 'active',
        is_demo: false,
        ...fields,
        password_hash: passwordHash,
        created_at: clock.now(),
        created_by: actor.id,
      };
      if (await repo.findAccountByUsername(tx, row.username)) throw new DomainError(IdentityErrors.IDENTITY_USERNAME_TAKEN, { username: row.username });
      await repo.insertAccount(tx, row);
      return accountView({ ...row, password_changed_at: null, totp_last_step: null, updated_at: row.created_at } as AccountRow, 0);
    });
    await audit.record({
      actor,
      action: 'identity.account.create',
      purpose: 'account_management',
      legalBasis: LEGAL_BASIS.accounts,
      fields: ['displayName', 'phone', 'roles', 'wards'],
      requestId,
      details: { accountId: outcome.result.id, kind: outcome.result.kind, roles: outcome.result.roles, replayed: outcome.replayed },
    });
    // The temporary password is in the first answer only: the stored answer (kernel.request_result) never holds it.
    return { account: outcome.result, temporaryPassword: outcome.replayed ? null : password, replayed: outcome.replayed };
  }

  // --- Login throttling -------------------------------------------------------------------------------------

  async function auditLockEnds(ended: Array<{ key: string; account_id: string | null; locked_until: Date | null }>, reason: 'expired' | 'administrator', actor: Actor = SYSTEM_ACTOR) {
    for (const row of ended) {
      const account = row.account_id ? await repo.findAccountById(db, row.account_id) : undefined;
      await audit.record({
        actor,
        action: 'identity.account.unlocked',
        purpose: 'security',
        legalBasis: LEGAL_BASIS.security,
        subjectPersonId: account?.person_id ?? undefined,
        details: { target: row.key.split(':')[0], accountId: row.account_id, reason, lockedUntil: row.locked_until?.toISOString() ?? null },
      });
    }
  }

  /** Counts one failure against each key; audits the locks this failure starts. */
  async function recordFailure(keys: string[], accountId: string | null, requestId?: string): Promise<void> {
    const now = clock.now();
    await auditLockEnds(await repo.claimEndedLocks(db, now, keys), 'expired');
    const locks: Array<{ key: string; until: Date; failures: number }> = [];
    await db.transaction(async (tx) => {
      for (const key of keys) {
        const { state, locked } = afterFailure(await repo.findThrottleForUpdate(tx, key), now, policyFor(key));
        await repo.saveThrottle(tx, key, state, { lockStarted: locked, accountId: key.startsWith('name:') ? accountId : null });
        if (locked) locks.push({ key, until: state.lockedUntil!, failures: state.failures });
      }
    });
    if (locks.length === 0) return;
    const account = accountId ? await repo.findAccountById(db, accountId) : undefined;
    for (const lock of locks) {
      await audit.record({
        actor: SYSTEM_ACTOR,
        action: 'identity.account.locked',
        purpose: 'security',
        legalBasis: LEGAL_BASIS.security,
        subjectPersonId: lock.key.startsWith('name:') ? (account?.person_id ?? undefined) : undefined,
        outcome: 'success',
        requestId,
        details: { target: lock.key.split(':')[0], accountId: lock.key.startsWith('name:') ? accountId : null, knownName: accountId !== null, failures: lock.failures, lockedUntil: lock.until.toISOString() },
      });
    }
  }

  /** Refuses (without any password work) while a key is delayed or locked. */
  async function assertNotThrottled(keys: string[]): Promise<void> {
    const now = clock.now();
    const states = await repo.findThrottles(db, keys);
    for (const key of keys) {
      const decision = decide(states.get(key), now);
      if (decision.allowed) continue;
      // A lock answers like a wrong password (the caller cannot tell a lock from a typo, nor a name from a non-name).
      if (decision.reason === 'locked') throw new DomainError(IdentityErrors.IDENTITY_LOGIN_FAILED);
      throw new DomainError(IdentityErrors.IDENTITY_LOGIN_THROTTLED, { seconds: secondsUntil(decision.until, now) }, { retryAfter: secondsUntil(decision.until, now) });
    }
  }

  const service = {
    nameKey,

    // --- Login (used by the interaction pages) ---------------------------------------------------------------

    /** Checks a login name and password; throws IDENTITY_LOGIN_FAILED (one answer for every failure) or _THROTTLED. */
    async passwordLogin(username: string, password: string, ip: string, requestId?: string): Promise<AccountRow> {
      const keys = [nameKey(username), addressKey(ip)];
      await assertNotThrottled(keys);
      const account = await repo.findAccountByUsername(db, username.trim().toLowerCase());
      const usable = account && account.status === 'active' && account.password_hash;
      const ok = usable ? await verifyPassword(account.password_hash!, password) : await verifyDecoy(password);
      if (!ok) {
        await recordFailure(keys, account?.id ?? null, requestId);
        throw new DomainError(IdentityErrors.IDENTITY_LOGIN_FAILED);
      }
      await auditLockEnds(await repo.claimEndedLocks(db, clock.now(), keys), 'expired');
      await repo.clearThrottle(db, keys[0]!);
      return account!;
    },

    /** Checks a TOTP code; a wrong code counts as a login failure of the account's name. */
    async checkTotp(account: AccountRow, code: string, ip: string, secret = account.totp_secret): Promise<boolean> {
      const keys = [nameKey(account.username), addressKey(ip)];
      await assertNotThrottled(keys);
      const step = secret ? acceptTotp(secret, code, clock.now(), secret === account.totp_secret ? account.totp_last_step : null) : undefined;
      if (step === undefined || !(await repo.claimTotpStep(db, account.id, step))) {
        await recordFailure(keys, account.id);
        return false;
      }
      return true;
    },

    async enrolTotpAtLogin(account: AccountRow, secret: string, code: string, ip: string): Promise<boolean> {
      if (!(await service.checkTotp(account, code, ip, secret))) return false;
      await repo.updateAccount(db, account.id, { totp_secret: secret }, clock.now());
      await audit.record({ actor: actorForAccount(account), action: 'identity.totp.enrol', purpose: 'security', legalBasis: LEGAL_BASIS.security, details: { at: 'login' } });
      return true;
    },

    newTotpSecret,
    totpUri: (secret: string, account: AccountRow) => totpUri(secret, account.username),

    /** Sends a one-time login code by SMS (step-up to level 2); returns the code's hash for the login progress. */
    async sendLoginCode(account: AccountRow, uid: string): Promise<string> {
      if (!account.phone) throw new DomainError(IdentityErrors.IDENTITY_NO_PHONE);
      const code = numericCode(6);
      await sender.send({
        channel: 'sms',
        to: account.phone,
        kind: 'identity.otp',
        body: `DA06: Ma xac thuc dang nhap cua ban la ${code}. Ma co hieu luc 5 phut. Khong cung cap ma nay cho bat ky ai.`,
      });
      return codeHash('login', uid, code);
    },

    loginCodeMatches: (uid: string, code: string, stored: string) => sameSecret(codeHash('login', uid, code.trim()), stored),
    loginOtpTtlMs: LOGIN_OTP_TTL_MS,
    loginOtpMaxAttempts: LOGIN_OTP_MAX_ATTEMPTS,

    async replaceTemporaryPassword(account: AccountRow, newPassword: string): Promise<void> {
      assertPassword(newPassword, { personId: account.person_id, username: account.username, phone: account.phone });
      await repo.updateAccount(db, account.id, { password_hash: await hashPassword(newPassword), password_changed_at: clock.now(), password_must_change: false }, clock.now());
      await audit.record({ actor: actorForAccount(account), action: 'identity.password.change', purpose: 'security', legalBasis: LEGAL_BASIS.security, details: { at: 'login', temporary: true } });
    },

    async passkeyLoginOptions(uid: string) {
      const options = await passkeyLoginOptions(rp);
      await repo.saveChallenge(db, { id: `login:${uid}`, purpose: 'login', accountId: null, challenge: options.challenge, expiresAt: new Date(clock.now().getTime() + CHALLENGE_TTL_MS) });
      return options;
    },

    /** Verifies a passkey assertion for a login; returns its account, or undefined (never says why). */
    async passkeyLogin(uid: string, response: AuthenticationResponseJSON): Promise<AccountRow | undefined> {
      const challenge = await repo.takeChallenge(db, `login:${uid}`, 'login', clock.now());
      const stored = typeof response?.id === 'string' ? await repo.findPasskey(db, response.id) : undefined;
      if (!challenge || !stored) return undefined;
      const verified = await verifyPasskeyLogin(rp, response, challenge.challenge, {
        credentialId: stored.credential_id,
        publicKey: new Uint8Array(stored.public_key),
        counter: Number(stored.counter),
        transports: stored.transports,
      });
      if (!verified || !(await repo.usePasskey(db, stored.credential_id, verified.newCounter, clock.now()))) return undefined;
      const account = await repo.findAccountById(db, stored.account_id);
      return account && account.status === 'active' ? account : undefined;
    },

    async hasPasskeys(accountId: string): Promise<boolean> {
      return (await repo.listPasskeys(db, accountId)).length > 0;
    },

    findAccount: (id: string) => repo.findAccountById(db, id),

    async loginSucceeded(account: AccountRow, amr: string[], clientId: string | undefined, requestId?: string) {
      await audit.record({
        actor: { ...actorForAccount(account, acrFor(account, amr)), clientId },
        action: 'identity.login.success',
        purpose: 'security',
        legalBasis: LEGAL_BASIS.security,
        requestId,
        details: { amr: finalAmr(amr), clientId: clientId ?? null },
      });
    },

    /** Records the consent a person gave a relying party (Luật BVDLCN 91/2025/QH15: consent is explicit and provable). */
    async consentGiven(account: AccountRow, clientId: string, scopes: string[], requestId: string) {
      await audit.record({
        actor: { ...actorForAccount(account), clientId },
        action: 'identity.consent.grant',
        purpose: 'sso_consent',
        legalBasis: LEGAL_BASIS.claims,
        subjectPersonId: account.person_id ?? undefined,
        fields: scopes.filter((scope) => /^[A-Za-z][A-Za-z0-9_.]{0,63}$/.test(scope)),
        requestId,
        details: { clientId },
      });
    },

    /** Audits the ends of locks that have expired (run periodically, and lazily at each login). */
    async sweepEndedLocks(): Promise<number> {
      const ended = await repo.claimEndedLocks(db, clock.now());
      await auditLockEnds(ended, 'expired');
      return ended.length;
    },

    deleteExpired: () => repo.deleteExpired(db, clock.now(), new Date()),

    // --- Citizens ---------------------------------------------------------------------------------------------

    /**
     * Starts a level-1 registration. Same answer whatever the registry says (no oracle); a code is sent only when the
     * particulars match a living resident aged 14 or more without an account.
     */
    async startRegistration(input: { personId: string; fullName: string; birthDate: string; phone: string }, ip: string, requestId: string) {
      const phone = phoneOrFail(input.phone)!;
      if (!phone) throw new DomainError(KernelErrors.VALIDATION_FAILED, { summary: 'phone is required' });
      const now = clock.now();
      const throttleKey = `registration:${ip}`;
      const decision = decide((await repo.findThrottles(db, [throttleKey])).get(throttleKey), now);
      if (!decision.allowed) {
        throw new DomainError(IdentityErrors.IDENTITY_LOGIN_THROTTLED, { seconds: secondsUntil(decision.until, now) }, { retryAfter: secondsUntil(decision.until, now) });
      }
      await db.transaction(async (tx) => {
        const next = afterFailure(await repo.findThrottleForUpdate(tx, throttleKey), now, REGISTRATION_ADDRESS_POLICY);
        await repo.saveThrottle(tx, throttleKey, next.state, { lockStarted: false, accountId: null });
      });

      const person = await registry.findIdentity(input.personId);
      const existing = await repo.findAccountByPerson(db, input.personId);
      const recent = await repo.countRecentRegistrations(db, input.personId, new Date(now.getTime() - 3600_000));
      const particularsMatch = person !== undefined && namesMatch(input.fullName, person.fullName) && input.birthDate === person.birthDate;
      const eligible = particularsMatch && person!.status === 'living' && ageOn(person!.birthDate, today()) >= 14;
      const matched = eligible && !existing && recent < REGISTRATIONS_PER_PERSON_PER_HOUR;
      const id = randomUUID();
      const code = numericCode(6);
      const expiresAt = new Date(now.getTime() + REGISTRATION_TTL_MS);
      await repo.insertRegistration(db, {
        id,
        person_id: input.personId,
        phone,
        display_name: matched ? person!.fullName : null,
        matched,
        code_hash: codeHash('registration', id, code),
        created_at: now,
        expires_at: expiresAt,
      });
      if (matched) {
        await sender.send({
          channel: 'sms',
          to: phone,
          kind: 'identity.otp',
          body: `DA06: Ma xac nhan dang ky tai khoan dinh danh dien tu cua ban la ${code}. Ma co hieu luc 5 phut. Khong cung cap ma nay cho bat ky ai.`,
        });
      }
      await audit.record({
        actor: SYSTEM_ACTOR,
        action: 'identity.registration.check',
        purpose: 'eid_registration',
        legalBasis: LEGAL_BASIS.eid,
        subjectPersonId: input.personId,
        fields: person ? ['fullName', 'birthDate', 'status'] : [],
        outcome: person ? 'success' : 'not_found',
        requestId,
        details: { registrationId: id, particularsMatch, codeSent: matched, existingAccount: existing !== undefined },
      });
      return { registrationId: id, expiresAt: expiresAt.toISOString() };
    },

    /** Completes a registration with its code and the citizen's chosen password; a retry of a success returns it again. */
    async confirmRegistration(registrationId: string, input: { code: string; password: string }, requestId: string) {
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const found = await repo.findRegistrationForUpdate(tx, registrationId);
        if (!found) return undefined;
        const codeOk = sameSecret(codeHash('registration', found.id, input.code.trim()), found.code_hash);
        if (found.completed_at) return codeOk ? found : undefined;
        if (found.expires_at <= now || found.attempts >= REGISTRATION_MAX_ATTEMPTS) return undefined;
        if (!found.matched || !codeOk) {
          await repo.updateRegistration(tx, found.id, { attempts: found.attempts + 1 });
          return undefined;
        }
        return found;
      });
      if (!row) throw new DomainError(IdentityErrors.IDENTITY_CODE_INVALID);
      if (row.completed_at) {
        const account = await repo.findAccountByPerson(db, row.person_id);
        if (account) return { accountId: account.id, username: account.username, eIdLevel: account.eid_level ?? 1, replayed: true };
        throw new DomainError(IdentityErrors.IDENTITY_CODE_INVALID);
      }
      const person = await registry.findIdentity(row.person_id);
      assertPassword(input.password, { personId: row.person_id, birthDate: person?.birthDate, phone: row.phone, username: row.person_id });
      const passwordHash = await hashPassword(input.password);
      const accountId = randomUUID();
      await db.transaction(async (tx) => {
        const locked = await repo.findRegistrationForUpdate(tx, row.id);
        if (!locked || locked.completed_at) throw new DomainError(IdentityErrors.IDENTITY_CODE_INVALID);
        if (await repo.findAccountByPerson(tx, row.person_id)) throw new DomainError(IdentityErrors.IDENTITY_CODE_INVALID);
        await repo.insertAccount(tx, {
          id: accountId,
          kind: 'citizen',
          username: row.person_id,
          person_id: row.person_id,
          display_name: row.display_name ?? person?.fullName ?? row.person_id,
          phone: row.phone,
          password_hash: passwordHash,
          password_changed_at: now,
          password_must_change: false,
          roles: ['citizen'],
          wards: [],
          unit_id: null,
          establishment_id: null,
          establishment_kind: null,
          is_establishment_owner: false,
          eid_level: 1,
          totp_secret: null,
          status: 'active',
          is_demo: false,
          created_at: now,
          created_by: accountId,
        });
        await repo.updateRegistration(tx, row.id, { completed_at: now });
      });
      const actor: Actor = { kind: 'user', id: accountId, roles: ['citizen'], wards: [], personId: row.person_id, acr: '1', scopes: [] };
      await registry.setEIdLevel(actor, row.person_id, 1, requestId);
      await audit.record({
        actor,
        action: 'identity.account.register',
        purpose: 'eid_registration',
        legalBasis: LEGAL_BASIS.eid,
        subjectPersonId: row.person_id,
        fields: ['personId', 'fullName', 'phone'],
        requestId,
      });
      return { accountId, username: row.person_id, eIdLevel: 1, replayed: false };
    },

    /** Level 2 after an in-person check by a police officer of the citizen's ward (Nghị định 69/2024/NĐ-CP). */
    async grantLevel2(actor: Actor, input: { requestId: string; personId: string; method: 'in_person' }, requestId: string) {
      const person = await registry.findIdentity(input.personId);
      if (!person || !actsOnWard(actor, person.wardCode)) throw new DomainError(IdentityErrors.IDENTITY_RESIDENT_OUT_OF_SCOPE);
      const outcome = await runIdempotent(db, { actorId: actor.id, requestId: input.requestId, operation: `identity.level2:${input.personId}` }, async (tx) => {
        const account = await repo.findAccountByPerson(tx, input.personId, { forUpdate: true });
        if (!account) throw new DomainError(IdentityErrors.IDENTITY_NOT_CITIZEN_ACCOUNT);
        const before = account.eid_level;
        if (before !== 2) await repo.updateAccount(tx, account.id, { eid_level: 2 }, clock.now());
        return { accountId: account.id, personId: input.personId, eIdLevel: 2, previousLevel: before ?? 1 };
      });
      await registry.setEIdLevel(actor, input.personId, 2, requestId);
      await audit.record({
        actor,
        action: 'identity.account.level2',
        purpose: 'eid_account',
        legalBasis: LEGAL_BASIS.eid,
        subjectPersonId: input.personId,
        fields: ['eIdLevel', 'fullName', 'birthDate', 'wardCode'],
        requestId,
        details: { method: input.method, replayed: outcome.replayed },
      });
      return { ...outcome.result, replayed: outcome.replayed };
    },

    /** Attaches a child under 14 of the citizen's household (Nghị định 69/2024/NĐ-CP: managed under a parent's account). */
    async addDependant(actor: Actor, input: { personId: string; fullName: string; birthDate: string }, requestId: string) {
      const guardian = await getAccount(actor.id);
      if (guardian.kind !== 'citizen' || !guardian.person_id) throw new DomainError(IdentityErrors.IDENTITY_NOT_CITIZEN_ACCOUNT);
      const [parent, child] = await Promise.all([registry.findIdentity(guardian.person_id), registry.findIdentity(input.personId)]);
      // TODO(#4-parents): check parentage itself once the registry publishes a person's parents to other modules;
      // until then the child must live in the guardian's household and the guardian must know its particulars.
      const valid =
        parent !== undefined &&
        child !== undefined &&
        child.status === 'living' &&
        namesMatch(input.fullName, child.fullName) &&
        input.birthDate === child.birthDate &&
        ageOn(child.birthDate, today()) < 14 &&
        child.householdId !== null &&
        child.householdId === parent.householdId;
      await audit.record({
        actor,
        action: 'identity.dependant.add',
        purpose: 'eid_account',
        legalBasis: LEGAL_BASIS.eid,
        subjectPersonId: input.personId,
        fields: ['fullName', 'birthDate', 'householdId'],
        outcome: valid ? 'success' : 'denied',
        requestId,
      });
      if (!valid) throw new DomainError(IdentityErrors.IDENTITY_DEPENDANT_INVALID);
      await repo.insertDependant(db, guardian.id, input.personId, clock.now());
      return dependantView(child!, clock.now());
    },

    async listDependants(actor: Actor, requestId: string) {
      const rows = await repo.listDependants(db, actor.id);
      const people = await Promise.all(rows.map((row) => registry.findIdentity(row.person_id)));
      const items = rows.flatMap((row, index) => (people[index] ? [dependantView(people[index]!, row.added_at)] : []));
      if (items.length > 0) {
        await Promise.all(
          items.map((item) =>
            audit.record({ actor, action: 'identity.dependant.read', purpose: 'eid_account', legalBasis: LEGAL_BASIS.eid, subjectPersonId: item.personId, fields: ['fullName', 'birthDate'], requestId }),
          ),
        );
      }
      return items;
    },

    // --- Self service -----------------------------------------------------------------------------------------

    async me(actor: Actor) {
      return viewOf(await getAccount(actor.id));
    },

    async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }, ip: string, requestId: string) {
      const account = await getAccount(actor.id);
      const keys = [nameKey(account.username), addressKey(ip)];
      await assertNotThrottled(keys);
      if (!account.password_hash || !(await verifyPassword(account.password_hash, input.currentPassword))) {
        await recordFailure(keys, account.id, requestId);
        throw new DomainError(IdentityErrors.IDENTITY_PASSWORD_WRONG);
      }
      const person = account.person_id ? await registry.findIdentity(account.person_id) : undefined;
      assertPassword(input.newPassword, { personId: account.person_id, birthDate: person?.birthDate, phone: account.phone, username: account.username });
      await repo.updateAccount(db, account.id, { password_hash: await hashPassword(input.newPassword), password_changed_at: clock.now(), password_must_change: false }, clock.now());
      await audit.record({ actor, action: 'identity.password.change', purpose: 'security', legalBasis: LEGAL_BASIS.security, requestId });
      return { changed: true };
    },

    /** Starts authenticator-app enrolment: the secret goes back to the app once, and returns with the first code. */
    async startTotp(actor: Actor) {
      const account = await getAccount(actor.id);
      const secret = newTotpSecret();
      return { secret, uri: totpUri(secret, account.username) };
    },

    async confirmTotp(actor: Actor, input: { secret: string; code: string }, ip: string, requestId: string) {
      const account = await getAccount(actor.id);
      if (!/^[A-Z2-7]{32}$/.test(input.secret)) throw new DomainError(IdentityErrors.IDENTITY_TOTP_NOT_STARTED);
      if (!(await service.checkTotp(account, input.code, ip, input.secret))) throw new DomainError(IdentityErrors.IDENTITY_TOTP_INVALID);
      await repo.updateAccount(db, account.id, { totp_secret: input.secret }, clock.now());
      await audit.record({ actor, action: 'identity.totp.enrol', purpose: 'security', legalBasis: LEGAL_BASIS.security, requestId });
      return { enrolled: true };
    },

    /** The relying parties a person has consented to, and what each may receive. */
    async listConsents(actor: Actor, clientName: (clientId: string) => Promise<{ name: string; purpose: string } | undefined>) {
      const grants = await repo.listGrants(db, actor.id, new Date());
      return Promise.all(
        grants.map(async (grant) => {
          const client = await clientName(grant.client_id);
          return {
            clientId: grant.client_id,
            clientName: client?.name ?? grant.client_id,
            purpose: client?.purpose ?? '',
            scopes: [...new Set([...grant.scope.split(' '), ...Object.values(grant.resources).flatMap((scope) => scope.split(' '))])].filter(Boolean),
            grantedAt: new Date(Number(grant.granted_at) * 1000).toISOString(),
          };
        }),
      );
    },

    /** Withdraws consent to a client (Luật BVDLCN 91/2025/QH15: consent can be withdrawn); its tokens stop working. */
    async withdrawConsent(actor: Actor, clientId: string, requestId: string) {
      const withdrawn = await repo.deleteGrants(db, actor.id, clientId);
      await audit.record({
        actor,
        action: 'identity.consent.withdraw',
        purpose: 'sso_consent',
        legalBasis: LEGAL_BASIS.claims,
        subjectPersonId: actor.personId,
        requestId,
        details: { clientId, grants: withdrawn },
      });
      return { clientId, withdrawn: withdrawn > 0 };
    },

    async passkeyRegistrationOptions(actor: Actor) {
      const account = await getAccount(actor.id);
      const existing = await repo.listPasskeys(db, account.id);
      const options = await passkeyRegistrationOptions(
        rp,
        { id: account.id, username: account.username, displayName: account.display_name },
        existing.map((key) => ({ credentialId: key.credential_id, publicKey: new Uint8Array(key.public_key), counter: Number(key.counter), transports: key.transports })),
      );
      await repo.saveChallenge(db, { id: `register:${account.id}`, purpose: 'register', accountId: account.id, challenge: options.challenge, expiresAt: new Date(clock.now().getTime() + CHALLENGE_TTL_MS) });
      return options;
    },

    async registerPasskey(actor: Actor, input: { response: RegistrationResponseJSON; label: string }, requestId: string) {
      const account = await getAccount(actor.id);
      const challenge = await repo.takeChallenge(db, `register:${account.id}`, 'register', clock.now());
      const verified = challenge ? await verifyPasskeyRegistration(rp, input.response, challenge.challenge) : undefined;
      if (!verified || (await repo.findPasskey(db, verified.credentialId))) throw new DomainError(IdentityErrors.IDENTITY_PASSKEY_INVALID);
      await repo.insertPasskey(db, {
        credential_id: verified.credentialId,
        account_id: account.id,
        public_key: Buffer.from(verified.publicKey),
        counter: verified.counter,
        transports: verified.transports,
        device_type: verified.deviceType,
        backed_up: verified.backedUp,
        label: input.label,
        created_at: clock.now(),
      });
      await audit.record({ actor, action: 'identity.passkey.register', purpose: 'security', legalBasis: LEGAL_BASIS.security, requestId, details: { deviceType: verified.deviceType } });
      return { credentialId: verified.credentialId, label: input.label, createdAt: clock.now().toISOString() };
    },

    async listPasskeys(actor: Actor) {
      return (await repo.listPasskeys(db, actor.id)).map((key) => ({
        credentialId: key.credential_id,
        label: key.label,
        deviceType: key.device_type,
        backedUp: key.backed_up,
        createdAt: key.created_at.toISOString(),
        lastUsedAt: key.last_used_at?.toISOString() ?? null,
      }));
    },

    async deletePasskey(actor: Actor, credentialId: string, requestId: string) {
      if (!(await repo.deletePasskey(db, actor.id, credentialId))) throw new DomainError(IdentityErrors.IDENTITY_PASSKEY_NOT_FOUND);
      await audit.record({ actor, action: 'identity.passkey.delete', purpose: 'security', legalBasis: LEGAL_BASIS.security, requestId });
      return { deleted: true };
    },

    // --- Administration ---------------------------------------------------------------------------------------

    async createStaffAccount(actor: Actor, input: StaffInput) {
      assertUsername(input.username);
      assertRoles('staff', input.roles, STAFF_ROLES);
      const wards = input.wards ?? [];
      assertWards(wards);
      const phone = phoneOrFail(input.phone);
      return createAccount(actor, input.requestId, 'identity.account.staff', {
        kind: 'staff',
        username: input.username,
        display_name: input.displayName.trim(),
        phone,
        roles: input.roles,
        wards,
        unit_id: input.unitId ?? null,
      });
    },

    async createBusinessAccount(actor: Actor, input: BusinessInput) {
      assertUsername(input.username);
      assertRoles('business', input.roles, BUSINESS_ROLES);
      const wards = input.wards ?? [];
      assertWards(wards);
      const phone = phoneOrFail(input.phone);
      return createAccount(actor, input.requestId, 'identity.account.business', {
        kind: 'business',
        username: input.username,
        display_name: input.displayName.trim(),
        phone,
        roles: input.roles,
        wards,
        establishment_id: input.establishmentId,
        establishment_kind: input.establishmentKind,
        is_establishment_owner: true,
      });
    },

    /** An establishment's owner adds an operator account of the same establishment. */
    async createOperatorAccount(actor: Actor, input: Omit<BusinessInput, 'establishmentId' | 'establishmentKind' | 'wards'>) {
      const owner = await getAccount(actor.id);
      if (owner.kind !== 'business' || !owner.is_establishment_owner || !owner.establishment_id) throw new DomainError(IdentityErrors.IDENTITY_NOT_ESTABLISHMENT_OWNER);
      assertUsername(input.username);
      assertRoles('business', input.roles, owner.roles);
      const phone = phoneOrFail(input.phone);
      return createAccount(actor, input.requestId, 'identity.account.operator', {
        kind: 'business',
        username: input.username,
        display_name: input.displayName.trim(),
        phone,
        roles: input.roles,
        wards: owner.wards,
        establishment_id: owner.establishment_id,
        establishment_kind: owner.establishment_kind,
      });
    },

    async listOperators(actor: Actor, page: { limit: number; offset: number }) {
      const owner = await getAccount(actor.id);
      if (owner.kind !== 'business' || !owner.is_establishment_owner || !owner.establishment_id) throw new DomainError(IdentityErrors.IDENTITY_NOT_ESTABLISHMENT_OWNER);
      const result = await repo.listAccounts(db, { kind: 'business', establishmentId: owner.establishment_id, ...page });
      return { items: await Promise.all(result.rows.map(viewOf)), total: result.total };
    },

    async listAccounts(actor: Actor, filter: repo.AccountFilter, requestId: string) {
      const result = await repo.listAccounts(db, filter);
      const items = await Promise.all(result.rows.map(viewOf));
      await auditAccountReads(actor, result.rows, requestId);
      return { items, total: result.total };
    },

    async getAccount(actor: Actor, id: string, requestId: string) {
      const account = await getAccount(id);
      await auditAccountReads(actor, [account], requestId);
      return viewOf(account);
    },

    async updateAccount(actor: Actor, id: string, change: AccountChangeInput, requestId: string) {
      const account = await getAccount(id);
      if (change.roles) assertRoles(account.kind, change.roles, account.kind === 'staff' ? STAFF_ROLES : account.kind === 'business' ? BUSINESS_ROLES : ['citizen']);
      if (change.wards) assertWards(change.wards);
      const phone = change.phone === undefined ? undefined : phoneOrFail(change.phone);
      await repo.updateAccount(
        db,
        id,
        { display_name: change.displayName?.trim(), phone, roles: change.roles, wards: change.wards, unit_id: change.unitId, status: change.status },
        clock.now(),
      );
      await audit.record({
        actor,
        action: 'identity.account.update',
        purpose: 'account_management',
        legalBasis: LEGAL_BASIS.accounts,
        subjectPersonId: account.person_id ?? undefined,
        fields: Object.keys(change).filter((key) => (change as Record<string, unknown>)[key] !== undefined),
        requestId,
        details: { accountId: id, roles: change.roles ?? null, status: change.status ?? null },
      });
      return viewOf(await getAccount(id));
    },

    async resetPassword(actor: Actor, id: string, requestId: string) {
      const account = await getAccount(id);
      const password = temporaryPassword(randomBytes);
      await repo.updateAccount(db, id, { password_hash: await hashPassword(password), password_changed_at: clock.now(), password_must_change: true }, clock.now());
      await audit.record({ actor, action: 'identity.password.reset', purpose: 'account_management', legalBasis: LEGAL_BASIS.security, subjectPersonId: account.person_id ?? undefined, requestId, details: { accountId: id } });
      return { accountId: id, temporaryPassword: password };
    },

    async resetSecondFactors(actor: Actor, id: string, requestId: string) {
      const account = await getAccount(id);
      await repo.updateAccount(db, id, { totp_secret: null, totp_last_step: null }, clock.now());
      for (const key of await repo.listPasskeys(db, id)) await repo.deletePasskey(db, id, key.credential_id);
      await audit.record({ actor, action: 'identity.second_factors.reset', purpose: 'account_management', legalBasis: LEGAL_BASIS.security, subjectPersonId: account.person_id ?? undefined, requestId, details: { accountId: id } });
      return { accountId: id, reset: true };
    },

    /** Ends a lock before its time (an administrator who has checked who is asking). */
    async unlockAccount(actor: Actor, id: string, requestId: string) {
      const account = await getAccount(id);
      const ended = await repo.endLocksNow(db, [nameKey(account.username)]);
      await auditLockEnds(ended.map((row) => ({ ...row, account_id: account.id })), 'administrator', actor);
      return { accountId: id, unlocked: ended.length > 0, requestId };
    },

    // --- Demo -------------------------------------------------------------------------------------------------

    /** Creates a demo account once (demo.ts); returns false when it already exists. */
    async ensureDemoAccount(input: {
      username: string;
      kind: AccountKind;
      displayName: string;
      password: string;
      roles: Role[];
      wards?: string[];
      personId?: string;
      eIdLevel?: 1 | 2;
      phone?: string;
      totpSecret?: string;
      establishmentId?: string;
      establishmentKind?: EstablishmentKind;
      unitId?: string;
    }): Promise<boolean> {
      if (await repo.findAccountByUsername(db, input.username)) return false;
      const now = clock.now();
      await repo.insertAccount(db, {
        id: randomUUID(),
        kind: input.kind,
        username: input.username,
        person_id: input.personId ?? null,
        display_name: input.displayName,
        phone: input.phone ?? null,
        password_hash: await hashPassword(input.password),
        password_changed_at: now,
        password_must_change: false,
        roles: input.roles,
        wards: input.wards ?? [],
        unit_id: input.unitId ?? null,
        establishment_id: input.establishmentId ?? null,
        establishment_kind: input.establishmentKind ?? null,
        is_establishment_owner: input.kind === 'business',
        eid_level: input.kind === 'citizen' ? (input.eIdLevel ?? 1) : null,
        totp_secret: input.totpSecret ?? null,
        status: 'active',
        is_demo: true,
        created_at: now,
        created_by: SYSTEM_ACTOR.id,
      });
      if (input.personId) await registry.setEIdLevel(SYSTEM_ACTOR, input.personId, input.eIdLevel ?? 1, 'demo-seed');
      return true;
    },

    countDemoAccounts: () => repo.countDemoAccounts(db),
  };

  async function auditAccountReads(actor: Actor, rows: AccountRow[], requestId: string) {
    await Promise.all(
      rows
        .filter((row) => row.person_id)
        .map((row) =>
          audit.record({ actor, action: 'identity.account.read', purpose: 'account_management', legalBasis: LEGAL_BASIS.accounts, subjectPersonId: row.person_id!, fields: ['username', 'displayName', 'phone', 'eIdLevel'], requestId }),
        ),
    );
  }

  return service;
}

function dependantView(person: PersonView, addedAt: Date) {
  return { personId: person.personId, fullName: person.fullName, birthDate: person.birthDate, addedAt: addedAt.toISOString() };
}
