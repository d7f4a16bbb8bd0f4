/**
 * Verification purposes and the roles that may declare them (mirror of server registry/verification-purposes.ts,
 * used only to offer the right choices: the server decides). Labels: i18n `purposes.<code>`.
 */
import type { Role } from '../identity/roles.ts';

export const PURPOSES: ReadonlyArray<{ code: string; roles: readonly Role[] }> = [
  { code: 'stay_notice', roles: ['host', 'police'] },
  { code: 'entry_control', roles: ['checkpoint_operator', 'police'] },
  { code: 'boarding', roles: ['host', 'checkpoint_operator'] },
  { code: 'medical_checkin', roles: ['checkpoint_operator'] },
  { code: 'notary', roles: ['checkpoint_operator', 'one_stop_officer'] },
  { code: 'exam_checkin', roles: ['checkpoint_operator'] },
  { code: 'public_service', roles: ['one_stop_officer', 'police'] },
  { code: 'police_inquiry', roles: ['police'] },
];

export function purposesFor(roles: readonly string[] | undefined): string[] {
  return PURPOSES.filter((purpose) => purpose.roles.some((role) => (roles ?? []).includes(role))).map((purpose) => purpose.code);
}
