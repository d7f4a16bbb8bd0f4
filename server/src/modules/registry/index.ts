/**
 * Module registry: the town's population registry (residents, households, ID cards, administrative units, wanted
 * list), identity verification and the synthetic town. See README.md.
 */
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import { migrationsDir, type PlatformModule } from '../../kernel/module.ts';
import type { AuditService } from '../audit/index.ts';
import { ADMINISTRATIVE_UNITS } from './administrative-units.ts';
import { upsertUnits } from './registry.repository.ts';
import { registryRoutes } from './registry.routes.ts';
import { createRegistryService, type RegistryService } from './registry.service.ts';

export type { RegistryService, VerificationResult, PersonView, GuestInput, CheckedPerson, CheckFacts } from './registry.service.ts';
export { EVENTS as REGISTRY_EVENTS } from './registry.service.ts';
export { seedTown, type SeedProgress, type SeedResult } from './seed.ts';
export { generateTown, createRandom, type SyntheticHousehold } from './synthetic-town.ts';
export { parseCardQr, formatCardQr } from './card-qr.ts';
export { parseTd1Mrz } from './mrz.ts';
export { searchKey, namesMatch, normalizeName } from './names.ts';
export { CURRENT_DUY_TIEN_WARDS, unitOn } from './administrative-units.ts';
export { VERIFICATION_PURPOSES, type VerificationPurposeCode } from './verification-purposes.ts';

export const registryMigrations = { module: 'registry', dir: migrationsDir(import.meta.url) };

/** Loads the administrative units (reference data kept in code) into registry.admin_unit, idempotently. */
export async function syncAdministrativeUnits(db: Database): Promise<void> {
  await upsertUnits(
    db,
    ADMINISTRATIVE_UNITS.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      level: unit.level,
      parent_id: unit.parentId,
      valid_from: unit.validFrom,
      valid_to: unit.validTo,
      successor_ids: unit.successorIds,
    })),
  );
}

export function createRegistryModule(deps: { db: Database; audit: AuditService; clock: Clock; nudgeOutbox: () => void }): PlatformModule & { service: RegistryService } {
  const service = createRegistryService(deps);
  return {
    name: 'registry',
    service,
    prepare: () => syncAdministrativeUnits(deps.db),
    routes: registryRoutes(service),
  };
}
