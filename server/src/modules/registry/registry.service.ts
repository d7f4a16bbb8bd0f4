/**
 * Use cases of the population registry.
 *
 * Rules enforced here:
 * - police act only on residents of their wards; a resident elsewhere is "not found" (the same answer as a wrong id);
 * - every read of a person is audited with its purpose before the answer leaves (one entry per person read);
 * - every change is idempotent by client request id, versioned in person_history (who, when, why), and published on
 *   the outbox for the other modules;
 * - a verification returns only the fields its purpose allows.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { actsOnWard, ALL_WARDS, type Actor } from '../../kernel/auth.ts';
import { vietnamDate, type Clock } from '../../kernel/clock.ts';
import type { Database, Queryable } from '../../kernel/db.ts';
import { createBatcher } from '../../kernel/batcher.ts';
import { DomainError } from '../../kernel/errors.ts';
import { runIdempotent } from '../../kernel/idempotency.ts';
import { publish } from '../../kernel/outbox.ts';
import type { AuditService } from '../audit/index.ts';
import { CURRENT_DUY_TIEN_WARDS, currentUnitsFor, unitOn, ADMINISTRATIVE_UNITS, type AdministrativeUnit } from './administrative-units.ts';
import { ageOn, cardExpiry, isExpired } from './card-rules.ts';
import { CARD_QR_FINDING_MESSAGES, parseCardQr, type CardQrFinding as Finding } from './card-qr.ts';
import { namesMatch, normalizeName, searchKey, isPlausibleName } from './names.ts';
import { buildPersonId, isOldIdNumber } from './person-id.ts';
import { RegistryErrors } from './registry.errors.ts';
import * as repo from './registry.repository.ts';
import type { CardRow, PersonRow } from './registry.repository.ts';
import { VERIFICATION_PURPOSES, VERIFICATION_PURPOSE_CODES, type PersonField, type VerificationPurposeCode } from './verification-purposes.ts';

const LEGAL_BASIS = {
  residence: 'Luật Cư trú 68/2020/QH14; Nghị định 62/2021/NĐ-CP',
  civilStatus: 'Luật Hộ tịch 60/2014/QH13; Luật Cư trú 68/2020/QH14',
  identityCard: 'Luật Căn cước 26/2023/QH15',
  wanted: 'Bộ luật Tố tụng hình sự 2015; Luật Công an nhân dân 2018',
} as const;

export const EVENTS = {
  birthRecorded: 'registry.birth_recorded',
  deathRecorded: 'registry.death_recorded',
  moved: 'registry.moved',
  cardIssued: 'registry.card_issued',
  cardStatusChanged: 'registry.card_status_changed',
  wantedChanged: 'registry.wanted_changed',
} as const;

export interface CardView {
  id: string;
  type: CardRow['card_type'];
  number: string;
  issueDate: string;
  expiryDate: string | null;
  status: CardRow['status'];
  expired: boolean;
}

export interface PersonView {
  personId: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  nationality: string;
  ethnicity: string;
  religion: string;
  hometown: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
  wardCode: string;
  wardName: string | null;
  oldIds: string[];
  householdId: string | null;
  relationToHead: string | null;
  status: PersonRow['status'];
  statusDate: string | null;
  eIdLevel: number;
  card: CardView | null;
  version: number;
}

export type VerificationResultCode = 'match' | 'mismatch' | 'not_found' | 'card_expired' | 'card_revoked' | 'deceased';

export type ExplainedFinding = Finding & { message: { vi: string; en: string } };

export interface VerificationResult {
  result: VerificationResultCode;
  mismatchedFields: string[];
  person: Partial<Record<PersonField, unknown>> | null;
  findings: ExplainedFinding[];
  purpose: VerificationPurposeCode;
  checkedAt: string;
}

/** How a person is presented: the card's QR, the citizen app's one-time code, or particulars typed in. */
export type GuestInput =
  | { qr: string }
  | { appCode: string }
  | { personId: string; fullName: string; birthDate: string; cardIssueDate?: string | undefined };

export type VerificationInput = GuestInput & { purpose: VerificationPurposeCode };

interface Claimed {
  personId: string;
  /** null when the person was named by an app code (nothing to compare). */
  fullName: string | null;
  birthDate: string | null;
  sex?: 'male' | 'female' | undefined;
  issueDate?: string | null | undefined;
  oldId?: string | null | undefined;
}

/** Facts about a checked person for the caller's rules (alerts); never shown to an operator. */
export interface CheckFacts {
  personId: string;
  /** The registry's name, for the caller's own records (a stay), whatever the result. */
  fullName: string | null;
  wanted: string | null;
  status: PersonRow['status'] | null;
  sex: PersonRow['sex'] | null;
  birthDate: string | null;
}

export interface CheckedPerson extends VerificationResult {
  via: 'card_qr' | 'app_qr' | 'particulars';
  facts: CheckFacts;
}

/** Codes shown by the citizen app: opaque, single use, valid for a minute (a screenshot is useless later). */
const PRESENTATION_PREFIX = 'DA06P:';
const PRESENTATION_TTL_SECONDS = 60;

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

export interface SearchInput {
  q?: string | undefined;
  ward?: string | undefined;
  bornFrom?: string | undefined;
  bornTo?: string | undefined;
  household?: string | undefined;
  limit: number;
  offset: number;
}

export interface BirthInput {
  requestId: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  motherId?: string | undefined;
  fatherId?: string | undefined;
  householdId?: string | undefined;
  wardCode?: string | undefined;
  address?: string | undefined;
  birthProvinceCode?: string | undefined;
  ethnicity?: string | undefined;
  religion?: string | undefined;
  nationality?: string | undefined;
}

export interface DeathInput {
  requestId: string;
  dateOfDeath: string;
  reason?: string | undefined;
}

export interface MoveInput {
  requestId: string;
  moveDate: string;
  destination: 'within_town' | 'out_of_town';
  newAddress?: string | undefined;
  newWardCode?: string | undefined;
  householdId?: string | undefined;
  reason?: string | undefined;
}

export interface CardInput {
  requestId: string;
  issueDate: string;
  cardType?: 'CCCD' | 'CAN_CUOC' | undefined;
}

export interface CardStatusInput {
  requestId: string;
  status: 'revoked' | 'lost';
  reason?: string | undefined;
}

/** Mapped views of a person's row: the full record an officer sees. */
function cardView(card: CardRow, today: string): CardView {
  return {
    id: card.id,
    type: card.card_type,
    number: card.card_number,
    issueDate: card.issue_date,
    expiryDate: card.expiry_date,
    status: card.status,
    expired: isExpired(card.expiry_date, today),
  };
}

function wardName(code: string, today: string): string | null {
  return unitOn(code, 'ward', today)?.name ?? unitOn(code, 'commune', today)?.name ?? null;
}

export function personView(row: PersonRow, cards: CardRow[], today: string): PersonView {
  const current = cards.find((card) => card.status === 'active') ?? cards[0];
  return {
    personId: row.person_id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex,
    nationality: row.nationality,
    ethnicity: row.ethnicity,
    religion: row.religion,
    hometown: row.hometown,
    permanentAddress: row.permanent_address,
    currentAddress: row.current_address,
    wardCode: row.ward_code,
    wardName: wardName(row.ward_code, today),
    oldIds: row.old_ids,
    householdId: row.household_id,
    relationToHead: row.relation_to_head,
    status: row.status,
    statusDate: row.status_date,
    eIdLevel: row.eid_level,
    card: current ? cardView(current, today) : null,
    version: row.version,
  };
}

function pick(view: PersonView, fields: readonly PersonField[]): Partial<Record<PersonField, unknown>> {
  const out: Partial<Record<PersonField, unknown>> = {};
  for (const field of fields) out[field] = field === 'eIdLevel' ? view.eIdLevel : view[field as keyof PersonView];
  return out;
}

function assertDate(field: string, value: string, today: string) {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) throw new DomainError(RegistryErrors.INVALID_DATE, { field, value });
  if (value > today) throw new DomainError(RegistryErrors.DATE_IN_FUTURE, { field });
}

export type RegistryService = ReturnType<typeof createRegistryService>;

export function createRegistryService(deps: { db: Database; audit: AuditService; clock: Clock; nudgeOutbox?: () => void }) {
  const { db, audit, clock } = deps;
  const today = () => vietnamDate(clock.now());

  function wardScope(actor: Actor): string[] | undefined {
    return actor.wards.includes(ALL_WARDS) ? undefined : actor.wards;
  }

  /** A resident the actor may act on, or RESIDENT_NOT_FOUND (also for residents of other wards). */
  async function residentInScope(q: Queryable, actor: Actor, personId: string, options: { forUpdate?: boolean } = {}): Promise<PersonRow> {
    const person = await repo.findPerson(q, personId, options);
    if (!person || !actsOnWard(actor, person.ward_code)) throw new DomainError(RegistryErrors.RESIDENT_NOT_FOUND);
    return person;
  }

  function assertPurposeAllowed(actor: Actor, purpose: VerificationPurposeCode) {
    const allowedFor = (code: VerificationPurposeCode) => VERIFICATION_PURPOSES[code].roles.some((role) => actor.roles.includes(role));
    if (!allowedFor(purpose)) {
      throw new DomainError(RegistryErrors.PURPOSE_NOT_ALLOWED, { purpose, allowed: VERIFICATION_PURPOSE_CODES.filter(allowedFor).join(', ') || '—' });
    }
  }

  /** Applies a change as a new version of the person, with its history entry (who, when, why, which fields). */
  async function versionedChange(
    tx: Queryable,
    actor: Actor,
    person: PersonRow,
    kind: string,
    reason: string | null,
    changes: Partial<repo.PersonInsert>,
  ): Promise<number> {
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [column, value] of Object.entries(changes)) diff[column] = { from: person[column as keyof PersonRow] ?? null, to: value ?? null };
    const version = await repo.updatePerson(tx, person.person_id, changes, clock.now());
    await repo.appendHistory(tx, { personId: person.person_id, version, changedAt: clock.now(), changedBy: actor.id, kind, reason, changes: diff });
    return version;
  }

  async function afterChange(actor: Actor, action: string, personId: string, fields: string[], requestId: string, legalBasis: string, replayed: boolean) {
    if (!replayed) deps.nudgeOutbox?.();
    await audit.record({ actor, action, purpose: 'residence_management', legalBasis, subjectPersonId: personId, fields, requestId, details: { replayed } });
  }

  /** A resident's full record; the wanted flag only for the police (a citizen never learns it from "my record"). */
  async function residentRecord(actor: Actor, person: PersonRow, purpose: string, legalBasis: string, requestId: string, forPolice = false) {
      const personId = person.person_id;
      const now = today();
      const [cards, household, members, history, relatives, wanted] = await Promise.all([
        repo.findCards(db, personId),
        person.household_id ? repo.findHousehold(db, person.household_id) : undefined,
        person.household_id ? repo.findHouseholdMembers(db, person.household_id) : [],
        repo.findHistory(db, personId),
        repo.findPersonsByIds(db, [person.father_id, person.mother_id, person.spouse_id].filter((id): id is string => id !== null)),
        forPolice ? repo.activeWantedAmong(db, [personId]) : [],
      ]);
      const relative = (id: string | null, name: string | null) => {
        const found = id ? relatives.find((candidate) => candidate.person_id === id) : undefined;
        return id || name ? { personId: id, fullName: found?.full_name ?? name } : null;
      };
      const record = {
        ...personView(person, cards, now),
        father: relative(person.father_id, person.father_name),
        mother: relative(person.mother_id, person.mother_name),
        spouse: relative(person.spouse_id, person.spouse_name),
        cards: cards.map((card) => cardView(card, now)),
        household: household
          ? {
              id: household.id,
              address: household.address,
              wardCode: household.ward_code,
              headPersonId: household.head_person_id,
              members: members.map((member) => ({
                personId: member.person_id,
                fullName: member.full_name,
                birthDate: member.birth_date,
                sex: member.sex,
                relationToHead: member.relation_to_head,
                status: member.status,
              })),
            }
          : null,
        history: history.map((entry) => ({
          version: entry.version,
          changedAt: entry.changed_at.toISOString(),
          changedBy: entry.changed_by,
          kind: entry.change_kind,
          reason: entry.reason,
          fields: Object.keys(entry.changes),
        })),
        wanted: forPolice ? wanted.length > 0 : undefined,
      };
      await audit.record({
        actor,
        action: 'registry.resident.read',
        purpose,
        legalBasis,
        subjectPersonId: personId,
        fields: ['record', 'cards', 'household', 'history'],
        requestId,
      });
      // Household members are shown too: their reads are audited as such.
      await Promise.all(
        members
          .filter((member) => member.person_id !== personId)
          .map((member) =>
            audit.record({ actor, action: 'registry.household_member.read', purpose, legalBasis, subjectPersonId: member.person_id, fields: ['fullName', 'birthDate', 'sex', 'relationToHead'], requestId }),
          ),
      );
      return record;
  }

  // Checks arriving at the same moment (fifty counters scanning) share one registry query.
  const lookupForCheck = createBatcher(async (personIds: string[]) => {
    const rows = await repo.findPeopleForCheck(db, [...new Set(personIds)]);
    const byId = new Map(rows.map((row) => [row.person_id, row]));
    return personIds.map((id) => byId.get(id));
  }, 500);

  async function claimsOf(input: GuestInput, now: string): Promise<{ claimed: Claimed | null; findings: ExplainedFinding[]; via: 'card_qr' | 'app_qr' | 'particulars' }> {
    if ('qr' in input) {
      const parsed = parseCardQr(input.qr, { today: now });
      if (!parsed.ok) throw new DomainError(RegistryErrors.QR_INVALID, { reasonVi: parsed.messages.vi, reasonEn: parsed.messages.en }, { parseCode: parsed.code });
      // An unreadable date on the card can match nothing: it shows up as a mismatch of that field.
      // Findings carry their message in both languages, so that every station words them the same way.
      const findings = parsed.findings.map((finding) => ({ ...finding, message: CARD_QR_FINDING_MESSAGES[finding.code] }));
      return { claimed: { ...parsed.card, birthDate: parsed.card.birthDate ?? '', sex: parsed.card.sex ?? undefined }, findings, via: 'card_qr' };
    }
    if ('appCode' in input) {
      if (!input.appCode.startsWith(PRESENTATION_PREFIX)) throw new DomainError(RegistryErrors.APP_CODE_INVALID);
      const personId = await repo.consumePresentationCode(db, hashCode(input.appCode.slice(PRESENTATION_PREFIX.length)), clock.now());
      if (!personId) throw new DomainError(RegistryErrors.APP_CODE_INVALID);
      return { claimed: { personId, fullName: null, birthDate: null }, findings: [], via: 'app_qr' };
    }
    return { claimed: { personId: input.personId, fullName: input.fullName, birthDate: input.birthDate, issueDate: input.cardIssueDate }, findings: [], via: 'particulars' };
  }

  async function checkMany(actor: Actor, inputs: GuestInput[], purposeCode: VerificationPurposeCode, requestId: string): Promise<{ checked: CheckedPerson[]; audited: Promise<void> }> {
    assertPurposeAllowed(actor, purposeCode);
    const now = today();
    const purpose = VERIFICATION_PURPOSES[purposeCode];
    const claims = [];
    for (const input of inputs) claims.push(await claimsOf(input, now));
    const ids = [...new Set(claims.map((claim) => claim.claimed!.personId))];
    const loaded = await Promise.all(ids.map((id) => lookupForCheck(id)));
    const byId = new Map(ids.map((id, index) => [id, loaded[index]]));
    const results = claims.map(({ claimed, findings, via }): CheckedPerson => {
      const row = byId.get(claimed!.personId);
      const base = { findings, purpose: purposeCode, checkedAt: clock.now().toISOString(), via };
      if (!row) return { ...base, result: 'not_found', mismatchedFields: [], person: null, facts: { personId: claimed!.personId, fullName: null, wanted: null, status: null, sex: null, birthDate: null } };
      const mismatched: string[] = [];
      // A code from the citizen app names the person itself: there are no particulars to compare.
      if (claimed!.fullName !== null && !namesMatch(claimed!.fullName, row.full_name)) mismatched.push('fullName');
      if (claimed!.birthDate !== null && claimed!.birthDate !== row.birth_date) mismatched.push('birthDate');
      if (claimed!.sex && claimed!.sex !== row.sex) mismatched.push('sex');
      if (claimed!.oldId && !row.old_ids.includes(claimed!.oldId)) mismatched.push('oldId');
      const card = claimed!.issueDate ? row.cards.find((candidate) => candidate.issue_date === claimed!.issueDate && candidate.card_type !== 'CMND') : undefined;
      if (claimed!.issueDate && !card) mismatched.push('cardIssueDate');
      const presented = card ?? row.cards.find((candidate) => candidate.status === 'active');
      let result: VerificationResultCode;
      if (mismatched.length > 0) result = 'mismatch';
      else if (row.status === 'deceased') result = 'deceased';
      else if (presented && (presented.status === 'revoked' || presented.status === 'lost')) result = 'card_revoked';
      // The app code stands for the card: a citizen signed in to the app is not refused for an old card.
      else if (via !== 'app_qr' && (!presented || isExpired(presented.expiry_date, now) || presented.status === 'replaced')) result = 'card_expired';
      else result = 'match';
      const person = result === 'match' || result === 'card_expired' || purposeCode === 'police_inquiry' ? pick(personView(row, presented ? [presented] : row.cards, now), purpose.fields) : null;
      return { ...base, result, mismatchedFields: mismatched, person, facts: { personId: row.person_id, fullName: row.full_name, wanted: row.wanted_reason, status: row.status, sex: row.sex, birthDate: row.birth_date } };
    });
    const audited = Promise.all(
      results.map((checked) =>
        audit.record({
          actor,
          action: 'registry.verification.check',
          purpose: purposeCode,
          legalBasis: purpose.legalBasis,
          subjectPersonId: checked.facts.personId,
          fields: checked.person ? Object.keys(checked.person) : [],
          outcome: checked.result === 'not_found' ? 'not_found' : 'success',
          requestId,
          details: { result: checked.result, mismatched: checked.mismatchedFields, via: checked.via },
        }),
      ),
    ).then(() => undefined);
    // Observed by the caller; this keeps a failure from being reported as unhandled while the caller works.
    audited.catch(() => undefined);
    return { checked: results, audited };
  }

  return {
    today,

    /**
     * Checks a card (its QR), the citizen app's QR or a person's particulars against the registry for a declared
     * purpose. Order of answers: not_found, then mismatch (data differs: nothing more is revealed), then deceased, a
     * revoked card, an expired card, and finally match.
     */
    async verify(actor: Actor, input: VerificationInput, requestId: string): Promise<VerificationResult> {
      const { checked, audited } = await checkMany(actor, [input], input.purpose, requestId);
      await audited;
      const { facts: _facts, via: _via, ...result } = checked[0]!;
      return result;
    },

    /**
     * Checks several people at once (a guest list, a bus's passengers) with one registry query, for modules that
     * act on the answer. Each check is audited: `audited` resolves when the entries are durable, and the caller must
     * await it before answering (it may do its own writes meanwhile). `facts` are for the caller's rules only (the
     * wanted list is never shown to an operator).
     */
    checkMany,

    /** A short-lived, single-use code for the citizen's "Mã QR của tôi" screen (verified online, never offline). */
    async issuePresentationCode(actor: Actor): Promise<{ code: string; expiresAt: string; ttlSeconds: number }> {
      if (!actor.personId) throw new DomainError(RegistryErrors.RESIDENT_NOT_FOUND);
      const code = randomBytes(24).toString('base64url');
      const expiresAt = new Date(clock.now().getTime() + PRESENTATION_TTL_SECONDS * 1000);
      await repo.insertPresentationCode(db, { codeHash: hashCode(code), personId: actor.personId, expiresAt });
      return { code: `${PRESENTATION_PREFIX}${code}`, expiresAt: expiresAt.toISOString(), ttlSeconds: PRESENTATION_TTL_SECONDS };
    },

    /** Removes presentation codes that have expired (run from a timer). */
    async purgePresentationCodes(): Promise<number> {
      return repo.deleteExpiredPresentationCodes(db, clock.now());
    },

    async searchResidents(actor: Actor, input: SearchInput, requestId: string) {
      const scope = wardScope(actor);
      if (input.ward && !actsOnWard(actor, input.ward)) throw new DomainError(RegistryErrors.WARD_NOT_ASSIGNED, { ward: input.ward });
      const query = (input.q ?? '').trim();
      const filter: repo.SearchFilter = {
        wardCodes: input.ward ? [input.ward] : scope,
        bornFrom: input.bornFrom,
        bornTo: input.bornTo,
        householdId: input.household,
        limit: input.limit,
        offset: input.offset,
      };
      if (/^\d{12}$/.test(query)) filter.personId = query;
      else if (isOldIdNumber(query)) filter.oldId = query;
      else if (query !== '') filter.nameKey = searchKey(query);
      const { rows, total, totalIsCapped } = await repo.searchPersons(db, filter);
      const now = today();
      const items = rows.map((row) => ({
        personId: row.person_id,
        fullName: row.full_name,
        birthDate: row.birth_date,
        sex: row.sex,
        wardCode: row.ward_code,
        wardName: wardName(row.ward_code, now),
        currentAddress: row.current_address,
        householdId: row.household_id,
        status: row.status,
      }));
      await Promise.all(
        rows.map((row) =>
          audit.record({
            actor,
            action: 'registry.resident.search',
            purpose: 'police_inquiry',
            legalBasis: LEGAL_BASIS.residence,
            subjectPersonId: row.person_id,
            fields: ['personId', 'fullName', 'birthDate', 'sex', 'currentAddress', 'householdId', 'status'],
            requestId,
          }),
        ),
      );
      return { items, total, totalIsCapped };
    },

    async getResident(actor: Actor, personId: string, requestId: string) {
      return residentRecord(actor, await residentInScope(db, actor, personId), 'police_inquiry', LEGAL_BASIS.residence, requestId, true);
    },

    /** The citizen's own record ("Hồ sơ của tôi"): the same view an officer has, read by its subject. */
    async getOwnRecord(actor: Actor, requestId: string) {
      const person = actor.personId ? await repo.findPerson(db, actor.personId) : undefined;
      if (!person) throw new DomainError(RegistryErrors.RESIDENT_NOT_FOUND);
      return residentRecord(actor, person, 'data_subject_access', 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (quyền truy cập của chủ thể dữ liệu)', requestId);
    },

    async recordBirth(actor: Actor, input: BirthInput, requestId: string) {
      const now = today();
      const fullName = normalizeName(input.fullName);
      if (!isPlausibleName(fullName)) throw new DomainError(RegistryErrors.INVALID_NAME);
      assertDate('birthDate', input.birthDate, now);
      const outcome = await runIdempotent(db, { actorId: actor.id, requestId: input.requestId, operation: 'registry.birth' }, async (tx) => {
        const mother = input.motherId ? await repo.findPerson(tx, input.motherId) : undefined;
        if (input.motherId && !mother) throw new DomainError(RegistryErrors.PARENT_NOT_FOUND, { parent: 'mẹ / mother' });
        const father = input.fatherId ? await repo.findPerson(tx, input.fatherId) : undefined;
        if (input.fatherId && !father) throw new DomainError(RegistryErrors.PARENT_NOT_FOUND, { parent: 'cha / father' });

        let householdId = input.householdId ?? mother?.household_id ?? father?.household_id ?? null;
        let wardCode: string;
        let address: string;
        let unitId: string;
        if (householdId) {
          const household = await repo.findHousehold(tx, householdId);
          if (!household || !actsOnWard(actor, household.ward_code)) throw new DomainError(RegistryErrors.HOUSEHOLD_NOT_FOUND, { householdId });
          ({ ward_code: wardCode, address, unit_id: unitId } = household);
        } else {
          if (!input.wardCode || !input.address) throw new DomainError(RegistryErrors.BIRTH_NEEDS_HOUSEHOLD);
          const unit = currentWard(input.wardCode, now);
          if (!actsOnWard(actor, input.wardCode)) throw new DomainError(RegistryErrors.WARD_NOT_ASSIGNED, { ward: input.wardCode });
          wardCode = input.wardCode;
          address = normalizeName(input.address);
          unitId = unit.id;
          householdId = `HH${wardCode}-${randomUUID().slice(0, 8).toUpperCase()}`;
          await repo.insertHouseholds(tx, [{ id: householdId, ward_code: wardCode, address, unit_id: unitId, head_person_id: null }]);
        }

        const provinceCode = input.birthProvinceCode ?? '035';
        const prefix = buildPersonId({ provinceCode, birthDate: input.birthDate, sex: input.sex, sequence: 0 }).slice(0, 6);
        const personId = buildPersonId({ provinceCode, birthDate: input.birthDate, sex: input.sex, sequence: await repo.nextPersonIdSequence(tx, prefix) });
        await repo.insertPersons(tx, [
          {
            person_id: personId,
            full_name: fullName,
            name_search: searchKey(fullName),
            birth_date: input.birthDate,
            sex: input.sex,
            ethnicity: input.ethnicity ?? mother?.ethnicity ?? father?.ethnicity ?? 'Kinh',
            religion: input.religion ?? 'Không',
            nationality: input.nationality ?? 'VNM',
            hometown: father?.hometown ?? mother?.hometown ?? null,
            permanent_address: `${address}`,
            permanent_unit_id: unitId,
            current_address: address,
            current_unit_id: unitId,
            ward_code: wardCode,
            household_id: householdId,
            relation_to_head: 'Con',
            father_id: father?.person_id ?? null,
            mother_id: mother?.person_id ?? null,
            spouse_id: null,
            father_name: father?.full_name ?? null,
            mother_name: mother?.full_name ?? null,
            spouse_name: null,
            status: 'living',
            status_date: null,
            old_ids: [],
            eid_level: 0,
          },
        ]);
        await repo.appendHistory(tx, { personId, version: 1, changedAt: clock.now(), changedBy: actor.id, kind: 'birth', reason: 'Đăng ký khai sinh', changes: { created: { from: null, to: true } } });
        await publish(tx, EVENTS.birthRecorded, { personId, birthDate: input.birthDate, wardCode, householdId }, personId);
        return { personId, householdId, wardCode };
      });
      await afterChange(actor, 'registry.birth.record', outcome.result.personId, ['fullName', 'birthDate', 'sex', 'householdId'], requestId, LEGAL_BASIS.civilStatus, outcome.replayed);
      return { ...outcome.result, replayed: outcome.replayed };
    },

    async recordDeath(actor: Actor, personId: string, input: DeathInput, requestId: string) {
      const now = today();
      assertDate('dateOfDeath', input.dateOfDeath, now);
      const outcome = await runIdempotent(db, { actorId: actor.id, requestId: input.requestId, operation: `registry.death:${personId}` }, async (tx) => {
        const person = await residentInScope(tx, actor, personId, { forUpdate: true });
        if (person.status !== 'living') throw new DomainError(RegistryErrors.RESIDENT_NOT_LIVING, { status: person.status });
        if (input.dateOfDeath < person.birth_date) throw new DomainError(RegistryErrors.DATE_ORDER, { later: 'dateOfDeath', earlier: 'birthDate' });
        const version = await versionedChange(tx, actor, person, 'death', input.reason ?? 'Đăng ký khai tử', { status: 'deceased', status_date: input.dateOfDeath });
        await publish(tx, EVENTS.deathRecorded, { personId, dateOfDeath: input.dateOfDeath, wardCode: person.ward_code }, personId);
        return { personId, status: 'deceased' as const, version };
      });
      await afterChange(actor, 'registry.death.record', personId, ['status', 'statusDate'], requestId, LEGAL_BASIS.civilStatus, outcome.replayed);
      return { ...outcome.result, replayed: outcome.replayed };
    },

    async recordMove(actor: Actor, personId: string, input: MoveInput, requestId: string) {
      const now = today();
      assertDate('moveDate', input.moveDate, now);
      const outcome = await runIdempotent(db, { actorId: actor.id, requestId: input.requestId, operation: `registry.move:${personId}` }, async (tx) => {
        const person = await residentInScope(tx, actor, personId, { forUpdate: true });
        if (person.status !== 'living') throw new DomainError(RegistryErrors.RESIDENT_NOT_LIVING, { status: person.status });
        let changes: Partial<repo.PersonInsert>;
        if (input.destination === 'out_of_town') {
          changes = { status: 'moved_away', status_date: input.moveDate, current_address: input.newAddress ? normalizeName(input.newAddress) : person.current_address };
        } else {
          let target: { ward: string; address: string; unitId: string; householdId: string | null };
          if (input.householdId) {
            const household = await repo.findHousehold(tx, input.householdId);
            if (!household) throw new DomainError(RegistryErrors.HOUSEHOLD_NOT_FOUND, { householdId: input.householdId });
            target = { ward: household.ward_code, address: household.address, unitId: household.unit_id, householdId: household.id };
          } else {
            if (!input.newWardCode || !input.newAddress) throw new DomainError(RegistryErrors.MOVE_NEEDS_WARD);
            target = { ward: input.newWardCode, address: normalizeName(input.newAddress), unitId: currentWard(input.newWardCode, now).id, householdId: person.household_id };
          }
          changes = { current_address: target.address, current_unit_id: target.unitId, ward_code: target.ward, household_id: target.householdId };
        }
        const version = await versionedChange(tx, actor, person, 'move', input.reason ?? null, changes);
        await publish(tx, EVENTS.moved, { personId, destination: input.destination, fromWard: person.ward_code, toWard: changes.ward_code ?? null, moveDate: input.moveDate }, personId);
        return { personId, wardCode: changes.ward_code ?? person.ward_code, status: changes.status ?? person.status, version };
      });
      await afterChange(actor, 'registry.move.record', personId, ['currentAddress', 'wardCode', 'householdId', 'status'], requestId, LEGAL_BASIS.residence, outcome.replayed);
      return { ...outcome.result, replayed: outcome.replayed };
    },

    async issueCard(actor: Actor, personId: string, input: CardInput, requestId: string) {
      const now = today();
      assertDate('issueDate', input.issueDate, now);
      const newLawFrom = '2024-07-01'; // Luật Căn cước 26/2023/QH15 in force: the Căn cước card replaces the CCCD.
      const cardType = input.cardType ?? (input.issueDate >= newLawFrom ? 'CAN_CUOC' : 'CCCD');
      if ((cardType === 'CAN_CUOC') !== (input.issueDate >= newLawFrom)) {
        throw new DomainError(RegistryErrors.CARD_TYPE_NOT_ISSUED_ON_DATE, { cardType, date: input.issueDate });
      }
      const outcome = await runIdempotent(db, { actorId: actor.id, requestId: input.requestId, operation: `registry.card:${personId}` }, async (tx) => {
        const person = await residentInScope(tx, actor, personId, { forUpdate: true });
        if (person.status !== 'living') throw new DomainError(RegistryErrors.RESIDENT_NOT_LIVING, { status: person.status });
        if (input.issueDate < person.birth_date) throw new DomainError(RegistryErrors.DATE_ORDER, { later: 'issueDate', earlier: 'birthDate' });
        if (cardType === 'CCCD' && ageOn(person.birth_date, input.issueDate) < 14) throw new DomainError(RegistryErrors.CARD_TOO_YOUNG);
        for (const card of await repo.findCards(tx, personId)) {
          if (card.status === 'active') await repo.updateCardStatus(tx, card.id, 'replaced', input.issueDate);
        }
        const card: CardRow = {
          id: `${personId}-${input.issueDate.replaceAll('-', '')}-${cardType}`,
          person_id: personId,
          card_type: cardType,
          card_number: personId,
          issue_date: input.issueDate,
          expiry_date: cardExpiry(person.birth_date, input.issueDate),
          status: 'active',
          status_date: null,
        };
        await repo.insertCards(tx, [card]);
        await versionedChange(tx, actor, person, 'card_issued', `Cấp thẻ ${cardType === 'CAN_CUOC' ? 'Căn cước' : 'CCCD'}`, {});
        await publish(tx, EVENTS.cardIssued, { personId, cardId: card.id, cardType, issueDate: card.issue_date, expiryDate: card.expiry_date }, personId);
        return cardView(card, now);
      });
      await afterChange(actor, 'registry.card.issue', personId, ['card'], requestId, LEGAL_BASIS.identityCard, outcome.replayed);
      return { ...outcome.result, replayed: outcome.replayed };
    },

    async changeCardStatus(actor: Actor, personId: string, cardId: string, input: CardStatusInput, requestId: string) {
      const now = today();
      const outcome = await runIdempotent(db, { actorId: actor.id, requestId: input.requestId, operation: `registry.card_status:${cardId}` }, async (tx) => {
        const person = await residentInScope(tx, actor, personId, { forUpdate: true });
        const card = (await repo.findCards(tx, personId)).find((candidate) => candidate.id === cardId);
        if (!card) throw new DomainError(RegistryErrors.CARD_NOT_FOUND);
        if (card.status !== 'active') throw new DomainError(RegistryErrors.CARD_NOT_ACTIVE, { status: card.status });
        await repo.updateCardStatus(tx, cardId, input.status, now);
        await versionedChange(tx, actor, person, `card_${input.status}`, input.reason ?? null, {});
        await publish(tx, EVENTS.cardStatusChanged, { personId, cardId, status: input.status }, personId);
        return cardView({ ...card, status: input.status, status_date: now }, now);
      });
      await afterChange(actor, 'registry.card.status', personId, ['card'], requestId, LEGAL_BASIS.identityCard, outcome.replayed);
      return { ...outcome.result, replayed: outcome.replayed };
    },

    async listWanted(actor: Actor, page: { limit: number; offset: number }, requestId: string) {
      const rows = await repo.listWanted(db, wardScope(actor), page.limit, page.offset);
      await Promise.all(
        rows.map((row) =>
          audit.record({ actor, action: 'registry.wanted.read', purpose: 'police_inquiry', legalBasis: LEGAL_BASIS.wanted, subjectPersonId: row.person_id, fields: ['fullName', 'birthDate', 'wanted'], requestId }),
        ),
      );
      return rows.map((row) => ({ personId: row.person_id, fullName: row.full_name, birthDate: row.birth_date, wardCode: row.ward_code, reasonCode: row.reason_code, addedAt: row.added_at.toISOString() }));
    },

    async addWanted(actor: Actor, input: { requestId: string; personId: string; reasonCode: string }, requestId: string) {
      const outcome = await runIdempotent(db, { actorId: actor.id, requestId: input.requestId, operation: `registry.wanted:${input.personId}` }, async (tx) => {
        // The wanted list is town-wide: any officer may add a resident of the town, whatever the ward.
        const person = await repo.findPerson(tx, input.personId);
        if (!person) throw new DomainError(RegistryErrors.RESIDENT_NOT_FOUND);
        if ((await repo.activeWantedAmong(tx, [input.personId])).length > 0) throw new DomainError(RegistryErrors.ALREADY_WANTED);
        await repo.insertWanted(tx, [{ person_id: input.personId, reason_code: input.reasonCode, added_at: clock.now(), added_by: actor.id }]);
        await publish(tx, EVENTS.wantedChanged, { personId: input.personId, active: true }, input.personId);
        return { personId: input.personId, active: true };
      });
      await audit.record({ actor, action: 'registry.wanted.add', purpose: 'police_inquiry', legalBasis: LEGAL_BASIS.wanted, subjectPersonId: input.personId, fields: ['wanted'], requestId });
      return outcome.result;
    },

    async clearWanted(actor: Actor, personId: string, requestId: string) {
      const cleared = await db.transaction(async (tx) => {
        const count = await repo.clearWanted(tx, personId, clock.now());
        if (count === 0) throw new DomainError(RegistryErrors.NOT_WANTED);
        await publish(tx, EVENTS.wantedChanged, { personId, active: false }, personId);
        return count;
      });
      await audit.record({ actor, action: 'registry.wanted.clear', purpose: 'police_inquiry', legalBasis: LEGAL_BASIS.wanted, subjectPersonId: personId, fields: ['wanted'], requestId });
      return { personId, active: cleared === 0 };
    },

    /** Persons among `personIds` on the active wanted list, with the reason (for presence alerts; the caller audits). */
    async wantedAmong(personIds: string[]): Promise<Map<string, string>> {
      const rows = await repo.activeWantedAmong(db, personIds);
      return new Map(rows.map((row) => [row.person_id, row.reason_code]));
    },

    /** A person's identity particulars for other modules (account registration, stays); the caller audits its use. */
    async findIdentity(personId: string): Promise<PersonView | undefined> {
      const [row] = await repo.findPeopleForCheck(db, [personId]);
      return row ? personView(row, row.cards, today()) : undefined;
    },

    async setEIdLevel(actor: Actor, personId: string, level: 1 | 2, requestId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const person = await repo.findPerson(tx, personId, { forUpdate: true });
        if (!person) throw new DomainError(RegistryErrors.RESIDENT_NOT_FOUND);
        if (person.eid_level >= level) return;
        await versionedChange(tx, actor, person, 'eid_level', `Tài khoản định danh điện tử mức ${level}`, { eid_level: level });
      });
      await audit.record({ actor, action: 'registry.eid_level.set', purpose: 'eid_account', legalBasis: 'Nghị định 69/2024/NĐ-CP', subjectPersonId: personId, fields: ['eIdLevel'], requestId });
    },

    /**
     * Living residents aged 14 and over by e-ID level, today: the live figure of model 23 (citizens under 14 are
     * managed under a parent's account, Nghị định 69/2024/NĐ-CP).
     */
    async eIdCoverage() {
      const now = today();
      const bornOnOrBefore = `${Number(now.slice(0, 4)) - 14}${now.slice(4)}`;
      return repo.eIdCoverage(db, bornOnOrBefore);
    },

    units: {
      on: (code: string, level: AdministrativeUnit['level'], date: string) => unitOn(code, level, date),
      today: (unitId: string) => currentUnitsFor(unitId, today()),
      current: () => CURRENT_DUY_TIEN_WARDS,
      all: () => ADMINISTRATIVE_UNITS,
    },
  };
}

function currentWard(code: string, date: string): AdministrativeUnit {
  const unit = unitOn(code, 'ward', date) ?? unitOn(code, 'commune', date);
  if (!unit) throw new DomainError(RegistryErrors.UNKNOWN_WARD, { ward: code, date });
  return unit;
}
