/**
 * Use cases of stays and entries.
 *
 * Rules enforced here:
 * - an operator acts only for the establishment bound to its account (token claim `est`), and only once the police
 *   have approved it; police see only the establishments and alerts of their wards;
 * - every guest is verified against the registry for the purpose `stay_notice` (entries: `entry_control`, boarding:
 *   `boarding`); particulars that do not match refuse the whole notice and write nothing;
 * - deadlines follow stay-deadline.ts; a late notice is accepted and marked late;
 * - every submission carries the device's request id: a retry returns the first receipt and never doubles a stay;
 * - a guest who matches an alert rule (wanted, revoked card, deceased…) is accepted exactly like any other guest:
 *   the operator's receipt never shows a reason; the alert goes to the responsible police unit only, audited;
 * - reads of stays and entries by the police declare a purpose and are audited per person.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { actsOnWard, ALL_WARDS, type Actor } from '../../kernel/auth.ts';
import { VIETNAM_OFFSET_MS, vietnamDate, type Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import { createBatcher } from '../../kernel/batcher.ts';
import { DomainError } from '../../kernel/errors.ts';
import type { Logger } from '../../kernel/logger.ts';
import type { AuditService } from '../audit/index.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { CheckedPerson, GuestInput, RegistryService } from '../registry/index.ts';
import { CURRENT_DUY_TIEN_WARDS } from '../registry/index.ts';
import { matches, validateCondition, type AlertFacts, type Condition } from './alert-rules.ts';
import type { AlertHub, AlertMessage } from './alert-hub.ts';
import { PresenceErrors } from './presence.errors.ts';
import * as repo from './presence.repository.ts';
import type { AlertInsert, EstablishmentKind, EstablishmentRow, RuleRow, StayInsert, StayRow } from './presence.repository.ts';
import { isLate, stayDeadline } from './stay-deadline.ts';

export const LODGING_KINDS: readonly EstablishmentKind[] = ['hotel', 'guesthouse', 'homestay', 'dormitory', 'rental_rooms', 'household', 'hospital', 'bus_operator'];
export const GATE_KINDS: readonly EstablishmentKind[] = ['tourist_site', 'industrial_park_gate', 'railway_station'];

const LEGAL_BASIS = {
  stays: 'Luật Cư trú 68/2020/QH14 Điều 30; Thông tư 55/2021/TT-BCA; Luật 47/2014/QH13 Điều 33',
  police: 'Luật Cư trú 68/2020/QH14; Luật Công an nhân dân 2018',
} as const;

export interface ForeignGuest {
  passportNumber: string;
  nationality: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  visaNumber?: string | undefined;
  entryDate?: string | undefined;
}

export type Guest = (GuestInput | { foreigner: ForeignGuest }) & { room?: string | undefined };

export interface StayNoticeInput {
  requestId: string;
  arrivalAt: string;
  expectedDepartureAt?: string | undefined;
  room?: string | undefined;
  reason?: string | undefined;
  guests: Guest[];
  trip?: { route: string; departureAt: string; vehiclePlate: string } | undefined;
}

export interface Receipt {
  receiptCode: string;
  noticeId: string;
  establishmentId: string;
  submittedAt: string;
  lateCount: number;
  guests: Array<{ stayId: string; name: string; room: string | null; arrivalAt: string; deadlineAt: string; late: boolean }>;
  replayed: boolean;
}

/** Crockford base-32 without I, L, O, U: receipt codes read aloud over the phone without confusion. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 8 characters of 5 bits: 2^40 codes per ward and day, so two notices of one day practically never share one. */
function receiptCode(wardCode: string, at: Date): string {
  const bytes = randomBytes(8);
  const suffix = [...bytes].map((byte) => RECEIPT_ALPHABET[byte % 32]).join('');
  return `LT${wardCode}-${vietnamDate(at).replaceAll('-', '')}-${suffix}`;
}

function localHour(at: Date): number {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
}

function ageOn(birthDate: string | null, date: string): number | undefined {
  if (!birthDate) return undefined;
  let age = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (date.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}

function stayReceiptLine(stay: Pick<StayRow, 'id' | 'guest_name' | 'room' | 'arrival_at' | 'deadline_at' | 'late'>) {
  return { stayId: stay.id, name: stay.guest_name ?? '', room: stay.room, arrivalAt: stay.arrival_at.toISOString(), deadlineAt: stay.deadline_at.toISOString(), late: stay.late };
}

export type PresenceService = ReturnType<typeof createPresenceService>;

export function createPresenceService(deps: {
  db: Database;
  audit: AuditService;
  registry: RegistryService;
  clock: Clock;
  logger: Logger;
  hub: AlertHub;
  retentionDays: number;
}) {
  const { db, audit, registry, clock, hub } = deps;

  // Establishments and rules change rarely and are read on every scan: kept for a few seconds.
  const CACHE_MS = 5000;
  const establishments = new Map<string, { row: EstablishmentRow; at: number }>();
  let rules: { rows: RuleRow[]; at: number } | undefined;

  async function establishment(id: string): Promise<EstablishmentRow | undefined> {
    const cached = establishments.get(id);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.row;
    const row = await repo.findEstablishment(db, id);
    if (row) establishments.set(id, { row, at: Date.now() });
    return row;
  }

  async function activeRules(): Promise<RuleRow[]> {
    if (!rules || Date.now() - rules.at > CACHE_MS) rules = { rows: await repo.activeRules(db), at: Date.now() };
    return rules.rows;
  }

  /** The approved establishment of an operator, of one of the allowed kinds. */
  async function operatorEstablishment(actor: Actor, kinds: readonly EstablishmentKind[]): Promise<EstablishmentRow> {
    if (!actor.establishmentId) throw new DomainError(PresenceErrors.NO_ESTABLISHMENT);
    const row = await establishment(actor.establishmentId);
    if (!row) throw new DomainError(PresenceErrors.ESTABLISHMENT_NOT_FOUND);
    if (row.status !== 'approved') throw new DomainError(PresenceErrors.ESTABLISHMENT_NOT_APPROVED, { status: row.status });
    if (!kinds.includes(row.kind)) throw new DomainError(PresenceErrors.WRONG_ESTABLISHMENT_KIND, { kind: row.kind, allowed: kinds.join(', ') });
    return row;
  }

  /** An establishment the actor may read: police of its ward, or its own operator. */
  async function readableEstablishment(actor: Actor, id: string): Promise<EstablishmentRow> {
    const row = await establishment(id);
    const own = actor.establishmentId === id;
    const police = actor.roles.includes('police') && row !== undefined && actsOnWard(actor, row.police_ward_code);
    const admin = actor.roles.includes('admin');
    if (!row || !(own || police || admin)) throw new DomainError(PresenceErrors.ESTABLISHMENT_NOT_FOUND);
    return row;
  }

  // Notices submitted at the same moment by different tablets share one statement.
  const writeNotice = createBatcher((bundles: repo.NoticeBundle[]) => repo.insertNotices(db, bundles), 200);

  function wardScope(actor: Actor): string[] | undefined {
    return actor.wards.includes(ALL_WARDS) ? undefined : actor.wards;
  }

  function factsFor(checked: CheckedPerson | undefined, extra: { nationality: string; foreigner: boolean; birthDate: string | null; sex: string | null; kind: EstablishmentKind; source: string; at: Date }): AlertFacts {
    return {
      wanted: checked?.facts.wanted !== null && checked?.facts.wanted !== undefined,
      wantedReason: checked?.facts.wanted ?? null,
      verification: checked?.result ?? 'not_checked',
      personStatus: checked?.facts.status ?? null,
      age: ageOn(extra.birthDate, vietnamDate(extra.at)),
      sex: extra.sex,
      nationality: extra.nationality,
      foreigner: extra.foreigner,
      establishmentKind: extra.kind,
      source: extra.source,
      localHour: localHour(extra.at),
    };
  }

  async function raiseFor(
    facts: AlertFacts,
    context: { establishment: EstablishmentRow; personId: string | null; personName: string | null; source: AlertInsert['source']; sourceId: string; at: Date },
  ): Promise<{ inserts: AlertInsert[]; messages: AlertMessage[] }> {
    const inserts: AlertInsert[] = [];
    const messages: AlertMessage[] = [];
    for (const rule of await activeRules()) {
      if (!matches(rule.condition, facts)) continue;
      const insert: AlertInsert = {
        id: randomUUID(),
        rule_id: rule.id,
        severity: rule.severity,
        police_ward_code: context.establishment.police_ward_code,
        establishment_id: context.establishment.id,
        person_id: context.personId,
        source: context.source,
        source_id: context.sourceId,
        facts: { ...facts, personName: context.personName },
        raised_at: context.at,
      };
      inserts.push(insert);
      messages.push({
        id: insert.id,
        ruleId: rule.id,
        ruleName: { vi: rule.name_vi, en: rule.name_en },
        severity: rule.severity,
        policeWardCode: insert.police_ward_code,
        establishmentId: context.establishment.id,
        establishmentName: context.establishment.name,
        personId: context.personId,
        personName: context.personName,
        source: context.source,
        sourceId: context.sourceId,
        raisedAt: context.at.toISOString(),
      });
    }
    return { inserts, messages };
  }

  async function auditAlerts(actor: Actor, messages: AlertMessage[], requestId: string) {
    await Promise.all(
      messages.map((message) =>
        audit.record({
          actor: SYSTEM_ACTOR,
          action: 'presence.alert.raise',
          purpose: 'police_alert',
          legalBasis: LEGAL_BASIS.police,
          subjectPersonId: message.personId ?? undefined,
          fields: ['personId', 'fullName', 'location'],
          requestId,
          details: { ruleId: message.ruleId, source: message.source, establishmentId: message.establishmentId, triggeredBy: actor.id },
        }),
      ),
    );
  }

  async function storedReceipt(establishmentId: string, requestId: string): Promise<Receipt | undefined> {
    const found = await repo.findNoticeByRequest(db, establishmentId, requestId);
    if (!found) return undefined;
    return {
      receiptCode: found.notice.receipt_code,
      noticeId: found.notice.id,
      establishmentId,
      submittedAt: found.notice.submitted_at.toISOString(),
      lateCount: found.notice.late_count,
      guests: found.stays.map(stayReceiptLine),
      replayed: true,
    };
  }

  /** Verifies, dates and writes a new notice (the body of submitStayNotice). */
  async function submitNew(actor: Actor, place: EstablishmentRow, input: StayNoticeInput, requestId: string): Promise<Receipt> {
    // A retry is recognised when its insert meets the first copy's (establishment, request id) below; it is checked
    // against the registry again on the way, which the audit log rightly records as a second read.
    const now = clock.now();
    const arrivalAt = new Date(input.arrivalAt);
    if (arrivalAt.getTime() > now.getTime() + 3600_000 || arrivalAt.getTime() < now.getTime() - 30 * 86_400_000) throw new DomainError(PresenceErrors.ARRIVAL_OUT_OF_RANGE);
    const expectedDepartureAt = input.expectedDepartureAt ? new Date(input.expectedDepartureAt) : null;
    if (expectedDepartureAt && expectedDepartureAt <= arrivalAt) throw new DomainError(PresenceErrors.DEPARTURE_BEFORE_ARRIVAL);
    if (place.kind === 'bus_operator' && !input.trip) throw new DomainError(PresenceErrors.TRIP_REQUIRED);

    const residents = input.guests.flatMap((guest, index) => ('foreigner' in guest ? [] : [{ guest, index }]));
    const { checked, audited } = await registry.checkMany(actor, residents.map(({ guest }) => guest as GuestInput), 'stay_notice', requestId);
    const refused = residents.filter((_, i) => checked[i]!.result === 'mismatch' || checked[i]!.result === 'not_found').map(({ index }) => index + 1);
    if (refused.length > 0) throw new DomainError(PresenceErrors.GUESTS_NOT_VERIFIED, { guests: refused.join(', ') }, { guests: refused });

    const checkedByIndex = new Map(residents.map(({ index }, i) => [index, checked[i]!]));
    const noticeId = randomUUID();
    const stays: StayInsert[] = [];
    const alertInserts: AlertInsert[] = [];
    const alertMessages: AlertMessage[] = [];
    for (const [index, guest] of input.guests.entries()) {
      const check = checkedByIndex.get(index);
      const foreigner = 'foreigner' in guest ? guest.foreigner : undefined;
      const deadline = stayDeadline({ arrivalAt, foreigner: foreigner !== undefined, remoteArea: place.remote_area });
      const stay: StayInsert = {
        id: randomUUID(),
        person_id: check?.facts.personId ?? null,
        guest_name: foreigner ? foreigner.fullName.trim() : (check?.facts.fullName ?? ''),
        birth_date: foreigner ? foreigner.birthDate : (check?.facts.birthDate ?? null),
        sex: foreigner ? foreigner.sex : (check?.facts.sex ?? null),
        nationality: foreigner ? foreigner.nationality : 'VNM',
        passport_number: foreigner ? foreigner.passportNumber.toUpperCase() : null,
        visa_number: foreigner?.visaNumber ?? null,
        entry_date: foreigner?.entryDate ?? null,
        room: guest.room ?? input.room ?? null,
        reason: input.reason ?? null,
        arrival_at: arrivalAt,
        expected_departure_at: expectedDepartureAt,
        deadline_at: deadline,
        late: isLate(now, deadline),
        verified: check ? check.result === 'match' || check.result === 'card_expired' : false,
      };
      stays.push(stay);
      const facts = factsFor(check, { nationality: stay.nationality, foreigner: foreigner !== undefined, birthDate: stay.birth_date, sex: stay.sex, kind: place.kind, source: 'stay', at: now });
      const raised = await raiseFor(facts, { establishment: place, personId: stay.person_id, personName: stay.guest_name, source: 'stay', sourceId: stay.id, at: now });
      alertInserts.push(...raised.inserts);
      alertMessages.push(...raised.messages);
    }

    const receipt: Receipt = {
      receiptCode: receiptCode(place.ward_code, now),
      noticeId,
      establishmentId: place.id,
      submittedAt: now.toISOString(),
      lateCount: stays.filter((stay) => stay.late).length,
      guests: stays.map((stay) => stayReceiptLine(stay)),
      replayed: false,
    };
    const trip = input.trip ? { route: input.trip.route, departureAt: new Date(input.trip.departureAt), vehiclePlate: input.trip.vehiclePlate } : null;
    // Written unless a copy of this request was stored first; a receipt code that happens to be taken (practically
    // never) is drawn again rather than failing the tablet's submission.
    for (let attempt = 0; ; attempt++) {
      const inserted = await writeNotice({
        notice: { id: noticeId, receiptCode: receipt.receiptCode, establishmentId: place.id, wardCode: place.ward_code, submittedBy: actor.id, clientRequestId: input.requestId, submittedAt: now, trip },
        stays,
        alerts: alertInserts,
        notifyPayloads: db.engine === 'postgres' ? hub.announce(alertMessages) : [],
      });
      if (inserted) break;
      const stored = await storedReceipt(place.id, input.requestId);
      if (stored) {
        await audited;
        return stored;
      }
      if (attempt === 2) throw new Error('could not store a stay notice after three receipt codes');
      receipt.receiptCode = receiptCode(place.ward_code, now);
    }
    hub.deliver(alertMessages);
    await Promise.all([audited, auditAlerts(actor, alertMessages, requestId)]);
    return receipt;
  }

  return {
    async registerEstablishment(
      actor: Actor,
      input: { kind: EstablishmentKind; name: string; address: string; wardCode: string; capacity?: number | undefined; remoteArea?: boolean | undefined; policeWardCode?: string | undefined },
      requestId: string,
    ) {
      if (!CURRENT_DUY_TIEN_WARDS.some((ward) => ward.code === input.wardCode)) throw new DomainError(PresenceErrors.UNKNOWN_WARD_CODE, { ward: input.wardCode });
      const isPolice = actor.roles.includes('police') || actor.roles.includes('admin');
      if (isPolice && !actsOnWard(actor, input.policeWardCode ?? input.wardCode)) throw new DomainError(PresenceErrors.NOT_YOUR_WARD, { ward: input.policeWardCode ?? input.wardCode });
      const id = `CS-${input.wardCode}-${randomBytes(4).toString('hex').toUpperCase()}`;
      const now = clock.now();
      await repo.insertEstablishment(db, {
        id,
        kind: input.kind,
        name: input.name.trim(),
        address: input.address.trim(),
        ward_code: input.wardCode,
        police_ward_code: input.policeWardCode ?? input.wardCode,
        capacity: input.capacity ?? null,
        remote_area: input.remoteArea ?? false,
        // An owner registers and waits for the police; a police officer registering an establishment approves it.
        status: isPolice ? 'approved' : 'pending',
        owner_account_id: isPolice ? null : actor.id,
        created_at: now,
        created_by: actor.id,
      });
      await audit.record({ actor, action: 'presence.establishment.register', purpose: 'establishment_management', legalBasis: LEGAL_BASIS.stays, fields: [], requestId, details: { establishmentId: id } });
      return { id, status: isPolice ? 'approved' : 'pending' };
    },

    /** An approved establishment with a fixed id, created once (the demo town; imports from the old ASM system). */
    async ensureEstablishment(input: { id: string; kind: EstablishmentKind; name: string; address: string; wardCode: string; capacity?: number }) {
      if (!/^CS-[0-9]{5}-[0-9A-F]{8}$/.test(input.id)) throw new Error(`establishment id ${input.id} is not CS-<ward>-<8 hex digits>`);
      return repo.ensureEstablishment(db, {
        id: input.id,
        kind: input.kind,
        name: input.name,
        address: input.address,
        ward_code: input.wardCode,
        police_ward_code: input.wardCode,
        capacity: input.capacity ?? null,
        remote_area: false,
        status: 'approved',
        owner_account_id: null,
        created_at: clock.now(),
        created_by: SYSTEM_ACTOR.id,
      });
    },

    async decideEstablishment(actor: Actor, id: string, decision: 'approved' | 'rejected' | 'suspended', requestId: string) {
      const row = await readableEstablishment(actor, id);
      if (!actor.roles.includes('police') && !actor.roles.includes('admin')) throw new DomainError(PresenceErrors.ESTABLISHMENT_NOT_FOUND);
      await repo.decideEstablishment(db, id, decision, clock.now(), actor.id);
      establishments.delete(id);
      await audit.record({ actor, action: 'presence.establishment.decide', purpose: 'establishment_management', legalBasis: LEGAL_BASIS.stays, fields: [], requestId, details: { establishmentId: id, decision, previous: row.status } });
      return { id, status: decision };
    },

    async listEstablishments(actor: Actor, filter: { status?: string | undefined; limit: number; offset: number }) {
      const isPolice = actor.roles.includes('police') || actor.roles.includes('admin');
      const rows = await repo.listEstablishments(db, {
        wards: isPolice ? wardScope(actor) : undefined,
        ids: isPolice ? undefined : [actor.establishmentId ?? '-'],
        status: filter.status,
        limit: filter.limit,
        offset: filter.offset,
      });
      return rows.map(establishmentView);
    },

    async getEstablishment(actor: Actor, id: string) {
      return establishmentView(await readableEstablishment(actor, id));
    },

    async submitStayNotice(actor: Actor, input: StayNoticeInput, requestId: string): Promise<Receipt> {
      const place = await operatorEstablishment(actor, LODGING_KINDS);
      try {
        return await submitNew(actor, place, input, requestId);
      } catch (error) {
        // A tablet resending a notice days later (after a card changed, or past the arrival window) gets its first
        // receipt back rather than a refusal: the stored copy is looked up only when the new check refuses.
        if (error instanceof DomainError && error.status < 500) {
          const stored = await storedReceipt(place.id, input.requestId);
          if (stored) return stored;
        }
        throw error;
      }
    },

    /** The notices of the operator's establishment, newest first (receipts made on its other devices too). */
    async myNotices(actor: Actor, page: { limit: number; offset: number }) {
      const place = await operatorEstablishment(actor, LODGING_KINDS);
      const rows = await repo.noticesOf(db, place.id, page.limit, page.offset);
      return rows.map((row) => ({
        receiptCode: row.receipt_code,
        noticeId: row.id,
        submittedAt: row.submitted_at.toISOString(),
        guestCount: row.guest_count,
        lateCount: row.late_count,
        tripRoute: row.trip_route,
      }));
    },

    async checkOut(actor: Actor, stayId: string, at: string | undefined, requestId: string) {
      const place = await operatorEstablishment(actor, LODGING_KINDS);
      const stay = await repo.findStay(db, stayId);
      if (!stay || stay.establishment_id !== place.id) throw new DomainError(PresenceErrors.STAY_NOT_FOUND);
      const when = at ? new Date(at) : clock.now();
      if (stay.departed_at) {
        // A retry of the same check-out answers the same; a second, different check-out is a conflict.
        if (stay.departed_at.getTime() === when.getTime() || !at) return { stayId, departedAt: stay.departed_at.toISOString(), autoCheckedOut: stay.auto_checked_out };
        throw new DomainError(PresenceErrors.ALREADY_CHECKED_OUT, { at: stay.departed_at.toISOString() });
      }
      if (when < stay.arrival_at) throw new DomainError(PresenceErrors.DEPARTURE_BEFORE_ARRIVAL);
      await repo.checkOut(db, stayId, when);
      await audit.record({ actor, action: 'presence.stay.check_out', purpose: 'stay_notice', legalBasis: LEGAL_BASIS.stays, subjectPersonId: stay.person_id ?? undefined, fields: ['departedAt'], requestId });
      return { stayId, departedAt: when.toISOString(), autoCheckedOut: false };
    },

    async currentGuests(actor: Actor, establishmentId: string | undefined, requestId: string) {
      const place = await readableEstablishment(actor, establishmentId ?? actor.establishmentId ?? '-');
      const rows = await repo.currentGuests(db, place.id);
      const purpose = actor.roles.includes('police') ? 'police_inquiry' : 'stay_notice';
      await Promise.all(
        rows.map((row) =>
          audit.record({ actor, action: 'presence.guests.read', purpose, legalBasis: LEGAL_BASIS.stays, subjectPersonId: row.person_id ?? undefined, fields: ['fullName', 'room', 'arrivalAt'], requestId }),
        ),
      );
      return {
        establishment: establishmentView(place),
        guests: rows.map((row) => ({
          stayId: row.id,
          personId: row.person_id,
          name: row.guest_name ?? '',
          nationality: row.nationality,
          passportNumber: row.passport_number,
          room: row.room,
          arrivalAt: row.arrival_at.toISOString(),
          expectedDepartureAt: row.expected_departure_at?.toISOString() ?? null,
          late: row.late,
        })),
      };
    },

    /** A person's stays and entries, for the police, with a declared purpose (audited). */
    async personPresence(actor: Actor, personId: string, purpose: string, requestId: string) {
      const stays = await repo.staysOfPerson(db, personId);
      const entries = await repo.entriesOfPerson(db, personId);
      await audit.record({ actor, action: 'presence.person.read', purpose, legalBasis: LEGAL_BASIS.police, subjectPersonId: personId, fields: ['stays', 'entries'], requestId, details: { stays: stays.length, entries: entries.length } });
      return {
        personId,
        stays: stays.map((stay) => ({
          stayId: stay.id,
          establishmentId: stay.establishment_id,
          establishmentName: stay.establishment_name,
          establishmentKind: stay.establishment_kind,
          wardCode: stay.ward_code,
          room: stay.room,
          arrivalAt: stay.arrival_at.toISOString(),
          departedAt: stay.departed_at?.toISOString() ?? null,
          autoCheckedOut: stay.auto_checked_out,
        })),
        entries: entries.map((entry) => ({ entryId: entry.id, siteId: entry.site_id, siteName: entry.site_name, direction: entry.direction, occurredAt: entry.occurred_at.toISOString(), method: entry.method })),
      };
    },

    async recordEntry(actor: Actor, input: { requestId: string; direction: 'in' | 'out'; guest: GuestInput }, requestId: string) {
      const site = await operatorEstablishment(actor, GATE_KINDS);
      const { checked: [check], audited } = await registry.checkMany(actor, [input.guest], 'entry_control', requestId);
      await audited;
      if (check!.result === 'mismatch' || check!.result === 'not_found') throw new DomainError(PresenceErrors.PERSON_NOT_VERIFIED);
      const now = clock.now();
      const entryId = randomUUID();
      const { inserted, inside } = await repo.insertEntry(db, {
        id: entryId,
        siteId: site.id,
        personId: check!.facts.personId,
        direction: input.direction,
        occurredAt: now,
        method: check!.via,
        recordedBy: actor.id,
        clientRequestId: input.requestId,
      });
      if (inserted) {
        const facts = factsFor(check, { nationality: 'VNM', foreigner: false, birthDate: check!.facts.birthDate, sex: check!.facts.sex, kind: site.kind, source: 'entry', at: now });
        const raised = await raiseFor(facts, { establishment: site, personId: check!.facts.personId, personName: check!.facts.fullName, source: 'entry', sourceId: entryId, at: now });
        if (raised.inserts.length > 0) {
          await repo.insertAlerts(db, raised.inserts, db.engine === 'postgres' ? hub.announce(raised.messages) : []);
          hub.deliver(raised.messages);
          await auditAlerts(actor, raised.messages, requestId);
        }
      }
      return { direction: input.direction, name: check!.facts.fullName ?? '', occupancy: inside, replayed: !inserted };
    },

    async occupancy(actor: Actor, siteId: string) {
      const site = await readableEstablishment(actor, siteId);
      return { siteId: site.id, name: site.name, inside: await repo.occupancy(db, site.id), capacity: site.capacity };
    },

    async issueTicket(actor: Actor, input: { tripCode: string; departureAt: string; personId: string; seat?: string | undefined }, requestId: string) {
      const operator = await operatorEstablishment(actor, ['bus_operator']);
      const id = randomUUID();
      const created = await repo.insertTicket(db, { id, operatorId: operator.id, tripCode: input.tripCode, personId: input.personId, seat: input.seat ?? null, departureAt: new Date(input.departureAt) });
      if (!created) throw new DomainError(PresenceErrors.TICKET_CONFLICT, { trip: input.tripCode });
      await audit.record({ actor, action: 'presence.ticket.issue', purpose: 'boarding', legalBasis: LEGAL_BASIS.stays, subjectPersonId: input.personId, fields: ['personId'], requestId });
      return { ticketId: id, tripCode: input.tripCode, seat: input.seat ?? null };
    },

    /** Model 19: the passenger shows the card (or the app code) at the door; the ticket is bound to the id number. */
    async board(actor: Actor, input: { tripCode: string; guest: GuestInput }, requestId: string) {
      const operator = await operatorEstablishment(actor, ['bus_operator']);
      const { checked: [check], audited } = await registry.checkMany(actor, [input.guest], 'boarding', requestId);
      await audited;
      if (check!.result === 'mismatch' || check!.result === 'not_found') return { outcome: 'not_verified' as const, name: null, seat: null };
      const ticket = await repo.findTicket(db, operator.id, input.tripCode, check!.facts.personId);
      const now = clock.now();
      const facts = factsFor(check, { nationality: 'VNM', foreigner: false, birthDate: check!.facts.birthDate, sex: check!.facts.sex, kind: operator.kind, source: 'boarding', at: now });
      const raised = await raiseFor(facts, { establishment: operator, personId: check!.facts.personId, personName: check!.facts.fullName, source: 'boarding', sourceId: ticket?.id ?? `no-ticket:${input.tripCode}`, at: now });
      if (raised.inserts.length > 0) {
        await repo.insertAlerts(db, raised.inserts, db.engine === 'postgres' ? hub.announce(raised.messages) : []);
        hub.deliver(raised.messages);
        await auditAlerts(actor, raised.messages, requestId);
      }
      const name = check!.facts.fullName ?? '';
      if (!ticket || ticket.status === 'cancelled') return { outcome: 'no_ticket' as const, name, seat: null };
      if (ticket.status === 'boarded') return { outcome: 'already_boarded' as const, name, seat: ticket.seat };
      await repo.markBoarded(db, ticket.id, now);
      return { outcome: 'boarded' as const, name, seat: ticket.seat };
    },

    async listAlerts(actor: Actor, filter: { unacknowledged?: boolean; limit: number; offset: number }, requestId: string) {
      const rows = await repo.listAlerts(db, { wards: wardScope(actor), unacknowledged: filter.unacknowledged ?? false, limit: filter.limit, offset: filter.offset });
      await Promise.all(
        rows.map((row) => audit.record({ actor, action: 'presence.alert.read', purpose: 'police_alert', legalBasis: LEGAL_BASIS.police, subjectPersonId: row.person_id ?? undefined, fields: ['alert'], requestId })),
      );
      return rows.map((row) => ({
        id: row.id,
        ruleId: row.rule_id,
        ruleName: { vi: row.rule_name_vi, en: row.rule_name_en },
        severity: row.severity,
        policeWardCode: row.police_ward_code,
        establishmentId: row.establishment_id,
        establishmentName: row.establishment_name,
        personId: row.person_id,
        personName: typeof row.facts.personName === 'string' ? row.facts.personName : null,
        reason: typeof row.facts.wantedReason === 'string' ? row.facts.wantedReason : typeof row.facts.verification === 'string' ? row.facts.verification : null,
        source: row.source,
        sourceId: row.source_id,
        raisedAt: row.raised_at.toISOString(),
        acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
        acknowledgedBy: row.acknowledged_by,
      }));
    },

    async acknowledgeAlert(actor: Actor, id: string, requestId: string) {
      const alert = await repo.findAlert(db, id);
      if (!alert || !actsOnWard(actor, alert.police_ward_code)) throw new DomainError(PresenceErrors.ALERT_NOT_FOUND);
      await repo.acknowledgeAlert(db, id, clock.now(), actor.id);
      await audit.record({ actor, action: 'presence.alert.acknowledge', purpose: 'police_alert', legalBasis: LEGAL_BASIS.police, subjectPersonId: alert.person_id ?? undefined, fields: ['alert'], requestId });
      return { id, acknowledged: true };
    },

    /** Subscribes a police screen to the alerts of the officer's wards. */
    subscribeAlerts(actor: Actor, listener: (alert: AlertMessage) => void, requestId: string): () => void {
      return hub.subscribe(actor.wards, (alert) => {
        listener(alert);
        void audit.record({ actor, action: 'presence.alert.deliver', purpose: 'police_alert', legalBasis: LEGAL_BASIS.police, subjectPersonId: alert.personId ?? undefined, fields: ['alert'], requestId });
      });
    },

    async listRules() {
      return (await repo.allRules(db)).map(ruleView);
    },

    async addRule(actor: Actor, input: { id: string; nameVi: string; nameEn: string; condition: unknown; severity: RuleRow['severity'] }, requestId: string) {
      const problems = validateCondition(input.condition);
      if (problems.length > 0) throw new DomainError(PresenceErrors.RULE_INVALID, { problems: problems.join('; ') }, { problems });
      const created = await repo.insertRule(db, { id: input.id, name_vi: input.nameVi, name_en: input.nameEn, condition: input.condition as Condition, severity: input.severity, created_at: clock.now(), created_by: actor.id });
      if (!created) throw new DomainError(PresenceErrors.RULE_EXISTS, { id: input.id });
      rules = undefined;
      await audit.record({ actor, action: 'presence.rule.add', purpose: 'police_alert', legalBasis: LEGAL_BASIS.police, fields: [], requestId, details: { ruleId: input.id } });
      return ruleView({ id: input.id, name_vi: input.nameVi, name_en: input.nameEn, condition: input.condition as Condition, severity: input.severity, active: true, created_at: clock.now(), created_by: actor.id });
    },

    async setRuleActive(actor: Actor, id: string, active: boolean, requestId: string) {
      if ((await repo.setRuleActive(db, id, active)) === 0) throw new DomainError(PresenceErrors.RULE_NOT_FOUND, { id });
      rules = undefined;
      await audit.record({ actor, action: 'presence.rule.set_active', purpose: 'police_alert', legalBasis: LEGAL_BASIS.police, fields: [], requestId, details: { ruleId: id, active } });
      return { id, active };
    },

    async compliance(actor: Actor, days: number) {
      const since = new Date(clock.now().getTime() - days * 86_400_000);
      const rows = await repo.compliance(db, wardScope(actor), since);
      return rows.map((row) => ({
        establishmentId: row.id,
        name: row.name,
        kind: row.kind,
        policeWardCode: row.police_ward_code,
        notices: row.notices,
        guests: row.guests,
        lateGuests: row.late_guests,
        lastNoticeAt: row.last_notice_at?.toISOString() ?? null,
        silent: row.notices === 0,
      }));
    },

    async tourism(actor: Actor, range: { from: string; to: string; ward?: string | undefined }) {
      const from = new Date(`${range.from}T00:00:00+07:00`);
      const to = new Date(new Date(`${range.to}T00:00:00+07:00`).getTime() + 86_400_000);
      if (!(from < to) || to.getTime() - from.getTime() > 367 * 86_400_000) throw new DomainError(PresenceErrors.RANGE_TOO_LONG);
      const wards = range.ward ? [range.ward] : undefined;
      const result = await repo.tourism(db, { from, to, wards });
      const averageNights = result.totals.arrivals > 0 ? Number((result.totals.nights / result.totals.arrivals).toFixed(2)) : 0;
      return { from: range.from, to: range.to, ward: range.ward ?? null, ...result.totals, averageNights, perDay: result.perDay, byNationality: result.byNationality, byKind: result.byKind, byWard: result.byWard };
    },

    /** Notices and entries of a month ("YYYY-MM", Vietnam time), for the plan's live figures (aggregates only). */
    async monthlyActivity(month: string) {
      const [year, number] = month.split('-').map(Number) as [number, number];
      const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
      return repo.monthlyActivity(db, new Date(`${month}-01T00:00:00+07:00`), new Date(`${next}-01T00:00:00+07:00`));
    },

    /** Automatic check-out at the expected departure, and retention (anonymisation) of old stays and entries. */
    async runHousekeeping(now = clock.now()) {
      const autoCheckedOut = await repo.autoCheckOut(db, now);
      const cutoff = new Date(now.getTime() - deps.retentionDays * 86_400_000);
      const anonymised = await repo.anonymiseBefore(db, cutoff, now);
      if (autoCheckedOut + anonymised.stays + anonymised.entries > 0) {
        await audit.record({
          actor: SYSTEM_ACTOR,
          action: 'presence.housekeeping',
          purpose: 'retention',
          legalBasis: 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (lưu trữ có thời hạn); Thông tư 55/2021/TT-BCA',
          fields: ['stays', 'entries'],
          details: { autoCheckedOut, ...anonymised, cutoff: cutoff.toISOString() },
        });
      }
      return { autoCheckedOut, anonymisedStays: anonymised.stays, anonymisedEntries: anonymised.entries, deletedTickets: anonymised.tickets };
    },
  };
}

function establishmentView(row: EstablishmentRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    address: row.address,
    wardCode: row.ward_code,
    policeWardCode: row.police_ward_code,
    capacity: row.capacity,
    remoteArea: row.remote_area,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

function ruleView(row: RuleRow) {
  return { id: row.id, nameVi: row.name_vi, nameEn: row.name_en, condition: row.condition, severity: row.severity, active: row.active };
}
