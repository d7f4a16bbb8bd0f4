/**
 * Brute-force protection of password login (OWASP ASVS 5.0 V6.3.1, NIST SP 800-63B §5.2.2), as pure rules over a
 * counter; identity.repository.ts stores the counters and identity.service.ts audits locks.
 *
 * Rules enforced:
 * - failures are counted per login name (hashed, whether or not an account has that name, so that throttling does
 *   not reveal which names exist) and per client address (password spraying across many names);
 * - after a few failures each further attempt must wait, the wait doubling up to a ceiling (progressive delay);
 *   the server never sleeps: it records a "not before" instant and refuses earlier attempts without checking the
 *   password, so a flood costs no Argon2 work and blocks no event loop;
 * - after `lockAfter` failures the name (or address) is locked for `lockMinutes`; during the lock even the right
 *   password gets the ordinary "wrong name or password" answer (the caller does not check it at all);
 * - failures older than the window are forgotten; a success clears the name's counter (not the address's, so a
 *   sprayer who knows one password does not reset its budget).
 */

export interface ThrottlePolicy {
  /** Failures allowed before delays start. */
  freeFailures: number;
  /** Failures that lock. */
  lockAfter: number;
  lockMinutes: number;
  maxDelaySeconds: number;
  /** Failures older than this are forgotten. */
  windowMinutes: number;
}

/** Per login name: ten failures lock for fifteen minutes. */
export const NAME_POLICY: ThrottlePolicy = { freeFailures: 3, lockAfter: 10, lockMinutes: 15, maxDelaySeconds: 60, windowMinutes: 15 };

/** Per client address: generous, because a school or an office shares one address behind NAT. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, lockAfter: 100, lockMinutes: 15, maxDelaySeconds: 30, windowMinutes: 15 };

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  notBefore: Date | null;
  lockedUntil: Date | null;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; reason: 'locked' | 'delayed'; until: Date };

export function decide(state: ThrottleState | undefined, now: Date): ThrottleDecision {
  if (!state) return { allowed: true };
  if (state.lockedUntil && state.lockedUntil > now) return { allowed: false, reason: 'locked', until: state.lockedUntil };
  if (state.notBefore && state.notBefore > now) return { allowed: false, reason: 'delayed', until: state.notBefore };
  return { allowed: true };
}

/** The counter after one more failure at `now`; `locked` is true when this failure starts a lock. */
export function afterFailure(state: ThrottleState | undefined, now: Date, policy: ThrottlePolicy): { state: ThrottleState; locked: boolean } {
  const windowStart = now.getTime() - policy.windowMinutes * 60_000;
  const lockEnded = state?.lockedUntil && state.lockedUntil <= now;
  const previous = !state || state.lastFailureAt.getTime() < windowStart || lockEnded ? 0 : state.failures;
  const failures = previous + 1;
  if (failures >= policy.lockAfter) {
    return { state: { failures, lastFailureAt: now, notBefore: null, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) }, locked: true };
  }
  const over = failures - policy.freeFailures;
  const delaySeconds = over > 0 ? Math.min(2 ** (over - 1), policy.maxDelaySeconds) : 0;
  return { state: { failures, lastFailureAt: now, notBefore: delaySeconds > 0 ? new Date(now.getTime() + delaySeconds * 1000) : null, lockedUntil: null }, locked: false };
}

/** Whole seconds until `until` (at least 1), for Retry-After (RFC 9110 §10.2.3). */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
