/**
 * What a login still needs after each proof, and the assurance it reaches. Steps, in order:
 *
 * 1. change_password — a temporary password set by an administrator is replaced first (OWASP ASVS V6.4.1);
 * 2. totp_enrol / totp — staff must use a second factor (the plan's security level 3, Nghị định 85/2016/NĐ-CP):
 *    an authenticator app (RFC 6238) or a passkey; a staff member without one enrols an authenticator at once;
 * 3. otp — a level-2 citizen whose relying party asks for level 2 (`acr_values=2`) proves possession of the phone on
 *    file with a one-time SMS code, unless a passkey was used (step-up, OIDC Core §3.1.2.1 acr_values);
 * 4. done.
 *
 * Authentication method references follow RFC 8176: pwd, otp (authenticator app), sms, hwk (passkey), mfa.
 *
 * `acr` values (advertised in discovery): "1" = one factor, or an account not proofed in person; "2" = an account
 * whose holder was verified in person (a level-2 citizen, Nghị định 69/2024/NĐ-CP; a staff member, created by an
 * administrator) who signed in with two factors. Business accounts are not proofed in person: always "1".
 */
import type { AccountRow } from './identity.repository.ts';

export type LoginStep = 'change_password' | 'totp_enrol' | 'totp' | 'otp' | 'done';
export type Amr = 'pwd' | 'otp' | 'sms' | 'hwk' | 'mfa';

const SECOND_FACTORS: readonly Amr[] = ['otp', 'sms', 'hwk'];

export function hasSecondFactor(amr: readonly string[]): boolean {
  return amr.some((method) => (SECOND_FACTORS as readonly string[]).includes(method));
}

export interface LoginFacts {
  account: Pick<AccountRow, 'kind' | 'eid_level' | 'password_must_change' | 'totp_secret' | 'phone'>;
  /** Methods already proved in this login. */
  amr: readonly string[];
  hasPasskeys: boolean;
  /** The relying party asked for acr "2". */
  wantsLevel2: boolean;
}

export function nextLoginStep(facts: LoginFacts): LoginStep {
  const { account, amr } = facts;
  if (amr.includes('pwd') && account.password_must_change) return 'change_password';
  if (account.kind === 'staff' && !hasSecondFactor(amr)) return account.totp_secret || facts.hasPasskeys ? 'totp' : 'totp_enrol';
  if (account.kind === 'citizen' && facts.wantsLevel2 && account.eid_level === 2 && !hasSecondFactor(amr) && account.phone) return 'otp';
  return 'done';
}

export function acrFor(account: Pick<AccountRow, 'kind' | 'eid_level'>, amr: readonly string[]): '1' | '2' {
  const proofedInPerson = account.kind === 'staff' || (account.kind === 'citizen' && account.eid_level === 2);
  return proofedInPerson && hasSecondFactor(amr) ? '2' : '1';
}

/** Whether this account could reach acr "2" in a step-up (otherwise asking for it changes nothing). */
export function canReachLevel2(account: Pick<AccountRow, 'kind' | 'eid_level' | 'phone'>, hasPasskeys: boolean): boolean {
  if (account.kind === 'staff') return true;
  return account.kind === 'citizen' && account.eid_level === 2 && (account.phone !== null || hasPasskeys);
}

/** The final amr list: the methods used, plus "mfa" when there were two factors. */
export function finalAmr(amr: readonly string[]): string[] {
  const methods = [...new Set(amr)].filter((method) => method !== 'mfa');
  const factors = new Set(methods.map((method) => (method === 'pwd' ? 'knowledge' : method === 'hwk' ? 'possession+inherence' : 'possession')));
  return methods.includes('hwk') || factors.size >= 2 ? [...methods, 'mfa'] : methods;
}
