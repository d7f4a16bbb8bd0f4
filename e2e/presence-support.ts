/**
 * What the presence journeys need beside the shared harness (support.ts): establishments registered by the police
 * through the presence service (approved at once), card holders of the seeded town with a valid chip card, and one of
 * them on the wanted list, with the QR text their card carries.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../server/src/kernel/auth.ts';
import { formatCardQr } from '../server/src/modules/registry/index.ts';
import type { E2ePlatform } from './support.ts';

export interface CardHolder {
  person_id: string;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  permanent_address: string | null;
  old_ids: string[];
  issue_date: string;
  wanted_reason: string | null;
}

/** The police officer who registers the journeys' establishments (police registrations are approved at once). */
const REGISTRAR: Actor = { kind: 'user', id: 'e2e-police-registrar', roles: ['police'], wards: ['*'], scopes: [] };

export async function registerEstablishment(platform: E2ePlatform, input: { kind: string; name: string; address: string; wardCode: string; capacity?: number }): Promise<string> {
  const result = await platform.built.services.presence.registerEstablishment(
    REGISTRAR,
    { kind: input.kind as never, name: input.name, address: input.address, wardCode: input.wardCode, capacity: input.capacity },
    `e2e-${randomUUID()}`,
  );
  assert.equal(result.status, 'approved');
  return result.id;
}

const HOLDERS = `
  SELECT p.person_id, p.full_name, p.birth_date, p.sex, p.permanent_address, p.old_ids, c.issue_date, w.reason_code AS wanted_reason
    FROM registry.person p
    JOIN registry.id_card c ON c.person_id = p.person_id AND c.status = 'active' AND c.card_type <> 'CMND' AND (c.expiry_date IS NULL OR c.expiry_date > $1)
    LEFT JOIN registry.wanted_person w ON w.person_id = p.person_id AND w.active
   WHERE p.status = 'living' AND p.birth_date BETWEEN '1950-01-01' AND '2006-01-01'`;

/** Living adults with a valid chip card, not on the wanted list. */
export async function cardHolders(platform: E2ePlatform, count: number): Promise<CardHolder[]> {
  const rows = await platform.kernel.db.query<CardHolder>(`${HOLDERS} AND w.person_id IS NULL ORDER BY p.person_id LIMIT ${Number(count)}`, [platform.today]);
  assert.equal(rows.length, count, `${count} card holders in the seeded town`);
  return rows;
}

/**
 * A card holder on the wanted list: one the seed put there when the seeded town has one with a valid card, otherwise
 * a card holder the police add to the list now (registry service, as POST /registry/wanted does).
 */
export async function wantedHolder(platform: E2ePlatform): Promise<CardHolder & { wanted_reason: string }> {
  const [seeded] = await platform.kernel.db.query<CardHolder>(`${HOLDERS} AND w.person_id IS NOT NULL ORDER BY p.person_id LIMIT 1`, [platform.today]);
  if (seeded?.wanted_reason) return seeded as CardHolder & { wanted_reason: string };
  // The last card holder by id: never one of cardHolders(), which take the first ones.
  const [holder] = await platform.kernel.db.query<CardHolder>(`${HOLDERS} AND w.person_id IS NULL ORDER BY p.person_id DESC LIMIT 1`, [platform.today]);
  assert.ok(holder, 'the seeded town has a card holder');
  const reasonCode = 'WANTED_FUGITIVE';
  await platform.built.services.registry.addWanted(REGISTRAR, { requestId: `e2e-wanted-${holder.person_id}`, personId: holder.person_id, reasonCode }, `e2e-${randomUUID()}`);
  return { ...holder, wanted_reason: reasonCode };
}

/** The QR text printed on the holder's card (registry card-qr.ts). */
export function cardQr(holder: CardHolder): string {
  return formatCardQr({
    personId: holder.person_id,
    oldId: holder.old_ids[0] ?? null,
    fullName: holder.full_name,
    birthDate: holder.birth_date,
    sex: holder.sex,
    address: holder.permanent_address ?? '',
    issueDate: holder.issue_date,
  });
}
