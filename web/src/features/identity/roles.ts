/** The platform's roles (server/src/kernel/auth.ts ROLES); labels live in i18n under `roles.*`. */
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
] as const;
export type Role = (typeof ROLES)[number];

/** Roles a staff account may hold, and a business account (identity.service.ts STAFF_ROLES, BUSINESS_ROLES). */
export const STAFF_ROLES = ['police', 'one_stop_officer', 'sector_officer', 'leader', 'working_group_secretary', 'unit_reporter', 'soc_analyst', 'admin'] as const satisfies readonly Role[];
export const BUSINESS_ROLES = ['host', 'checkpoint_operator'] as const satisfies readonly Role[];

/** Every ward of the town (`*` in a token's wards). */
export const ALL_WARDS = '*';

export function hasAnyRole(roles: readonly string[] | undefined, wanted: readonly string[]): boolean {
  return (roles ?? []).some((role) => wanted.includes(role));
}
