/**
 * What the plan's journeys need beside the shared harness (support.ts): a unit reporter, whose account carries the
 * plan unit it reports for (token claim `unit`), which support.ts's createAccount does not set. The account is made
 * the way support.ts makes its others (the identity service's demo-account path, a known password and an
 * authenticator secret), so the journey signs in through the real login pages.
 */
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import type { Role } from '../server/src/kernel/auth.ts';
import { PASSWORD, type Account, type E2ePlatform } from './support.ts';

export async function createStaffWithUnit(platform: E2ePlatform, input: { username: string; displayName: string; roles: Role[]; unitId: string; wards?: string[] }): Promise<Account> {
  const totpSecret = new OTPAuth.Secret({ size: 20 }).base32;
  const created = await platform.built.services.identity.ensureDemoAccount({
    username: input.username,
    kind: 'staff',
    displayName: input.displayName,
    password: PASSWORD,
    roles: input.roles,
    wards: input.wards ?? [],
    unitId: input.unitId,
    totpSecret,
  });
  assert.ok(created, `account ${input.username} already existed`);
  return { username: input.username, password: PASSWORD, displayName: input.displayName, totpSecret };
}

/** '2026-11' → '11/2026', as the screens write months. */
export function displayMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** The month a unit reports on today (before the 12th: the previous month), as web/src/features/plan/month.ts. */
export function reportingMonth(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  if (day > 11) return today.slice(0, 7);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
