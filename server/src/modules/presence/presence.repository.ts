/**
 * The only code that touches the presence.* tables.
 */
import type { Queryable } from '../../kernel/db.ts';
import type { Condition } from './alert-rules.ts';

export type EstablishmentKind =
  | 'hotel'
  | 'guesthouse'
  | 'homestay'
  | 'dormitory'
  | 'rental_rooms'
  | 'household'
  | 'hospital'
  | 'bus_operator'
  | 'tourist_site'
  | 'industrial_park_gate'
  | 'railway_station';

export interface EstablishmentRow {
  id: string;
  kind: EstablishmentKind;
  name: string;
  address: string;
  ward_code: string;
  police_ward_code: string;
  capacity: number | null;
  remote_area: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'suspended';
  owner_account_id: string | null;
  created_at: Date;
  created_by: string;
  decided_at: Date | null;
  decided_by: string | null;
}

export interface StayInsert {
  id: string;
  person_id: string | null;
  guest_name: string;
  birth_date: string | null;
  sex: string | null;
  nationality: string;
  passport_number: string | null;
  visa_number: string | null;
  entry_date: string | null;
  room: string | null;
  reason: string | null;
  arrival_at: Date;
  expected_departure_at: Date | null;
  deadline_at: Date;
  late: boolean;
  verified: boolean;
}

export interface StayRow extends StayInsert {
  notice_id: string;
  establishment_id: string;
  ward_code: string;
  submitted_at: Date;
  departed_at: Date | null;
  auto_checked_out: boolean;
  anonymised_at: Date | null;
}

export interface AlertInsert {
  id: string;
  rule_id: string;
  severity: string;
  police_ward_code: string;
  establishment_id: string;
  person_id: string | null;
  source: 'stay' | 'entry' | 'boarding';
  source_id: string;
  facts: Record<string, unknown>;
  raised_at: Date;
}

export interface AlertRow extends AlertInsert {
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  rule_name_vi: string;
  rule_name_en: string;
}

export interface RuleRow {
  id: string;
  name_vi: string;
  name_en: string;
  condition: Condition;
  severity: 'critical' | 'high' | 'medium' | 'low';
  active: boolean;
  created_at: Date;
  created_by: string;
}

export const ALERT_CHANNEL = 'da06_presence_alert';

export async function insertEstablishment(db: Queryable, row: Omit<EstablishmentRow, 'decided_at' | 'decided_by'>): Promise<void> {
  await db.query(
    `INSERT INTO presence.establishment (id, kind, name, address, ward_code, police_ward_code, capacity, remote_area, status, owner_account_id, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [row.id, row.kind, row.name, row.address, row.ward_code, row.police_ward_code, row.capacity, row.remote_area, row.status, row.owner_account_id, row.created_at, row.created_by],
  );
}

/** Inserts an establishment unless one with this id exists (demo data and imports); true when inserted. */
export async function ensureEstablishment(db: Queryable, row: Omit<EstablishmentRow, 'decided_at' | 'decided_by'>): Promise<boolean> {
  const count = await db.run(
    `INSERT INTO presence.establishment (id, kind, name, address, ward_code, police_ward_code, capacity, remote_area, status, owner_account_id, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
    [row.id, row.kind, row.name, row.address, row.ward_code, row.police_ward_code, row.capacity, row.remote_area, row.status, row.owner_account_id, row.created_at, row.created_by],
  );
  return count === 1;
}

export async function findEstablishment(db: Queryable, id: string): Promise<EstablishmentRow | undefined> {
  const [row] = await db.query<EstablishmentRow>('SELECT * FROM presence.establishment WHERE id = $1', [id]);
  return row;
}

export async function listEstablishments(db: Queryable, filter: { wards?: string[] | undefined; status?: string | undefined; ids?: string[] | undefined; limit: number; offset: number }) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.wards) conditions.push(`police_ward_code = ANY($${params.push(filter.wards)}::text[])`);
  if (filter.status) conditions.push(`status = $${params.push(filter.status)}`);
  if (filter.ids) conditions.push(`id = ANY($${params.push(filter.ids)}::text[])`);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return db.query<EstablishmentRow>(`SELECT * FROM presence.establishment ${where} ORDER BY name, id LIMIT $${params.push(filter.limit)} OFFSET $${params.push(filter.offset)}`, params);
}

export async function decideEstablishment(db: Queryable, id: string, status: EstablishmentRow['status'], at: Date, by: string): Promise<void> {
  await db.query('UPDATE presence.establishment SET status = $2, decided_at = $3, decided_by = $4 WHERE id = $1', [id, status, at, by]);
}

export interface NoticeBundle {
  notice: {
    id: string;
    receiptCode: string;
    establishmentId: string;
    wardCode: string;
    submittedBy: string;
    clientRequestId: string;
    submittedAt: Date;
    trip: { route: string; departureAt: Date; vehiclePlate: string } | null;
  };
  stays: StayInsert[];
  alerts: AlertInsert[];
  /** NOTIFY payloads announcing the alerts to other processes (PostgreSQL). */
  notifyPayloads: string[];
}

/**
 * Writes notices with their stays and alerts in ONE statement (atomic, one round trip) — several notices at once when
 * the caller batches them. A notice whose (establishment, client request id) exists already, or that loses to a copy
 * of itself in the same statement, writes nothing: its `inserted` is false. On PostgreSQL the alerts of the inserted
 * notices are announced with NOTIFY, delivered at commit.
 */
export async function insertNotices(db: Queryable, bundles: NoticeBundle[]): Promise<boolean[]> {
  const notices = bundles.map((bundle) => bundle.notice);
  const stays = bundles.flatMap((bundle) => bundle.stays.map((stay) => ({ stay, notice: bundle.notice })));
  const alerts = bundles.flatMap((bundle) => bundle.alerts.map((alert) => ({ alert, noticeId: bundle.notice.id })));
  const notifications = bundles.flatMap((bundle) => bundle.notifyPayloads.map((payload) => ({ payload, noticeId: bundle.notice.id })));
  const [row] = await db.query<{ inserted: string[] | null }>(
    `WITH n AS (
       INSERT INTO presence.stay_notice (id, receipt_code, establishment_id, submitted_by, client_request_id, submitted_at, guest_count, late_count,
                                         trip_route, trip_departure_at, trip_vehicle_plate)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::int[], $9::text[], $10::timestamptz[], $11::text[])
       -- Any conflict (the same request stored before, or a receipt code already taken) writes nothing for that notice.
       ON CONFLICT DO NOTHING
       RETURNING id
     ), s AS (
       INSERT INTO presence.stay (id, notice_id, establishment_id, ward_code, person_id, guest_name, birth_date, sex, nationality, passport_number,
                                  visa_number, entry_date, room, reason, arrival_at, expected_departure_at, deadline_at, submitted_at, late, verified)
       SELECT t.id, t.notice_id, t.establishment_id, t.ward_code, t.person_id, t.guest_name, t.birth_date, t.sex, t.nationality, t.passport_number,
              t.visa_number, t.entry_date, t.room, t.reason, t.arrival_at, t.expected_departure_at, t.deadline_at, t.submitted_at, t.late, t.verified
         FROM unnest($12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::date[], $19::text[], $20::text[], $21::text[],
                     $22::text[], $23::date[], $24::text[], $25::text[], $26::timestamptz[], $27::timestamptz[], $28::timestamptz[], $29::timestamptz[],
                     $30::bool[], $31::bool[])
           AS t(id, notice_id, establishment_id, ward_code, person_id, guest_name, birth_date, sex, nationality, passport_number, visa_number,
                entry_date, room, reason, arrival_at, expected_departure_at, deadline_at, submitted_at, late, verified)
        WHERE t.notice_id IN (SELECT id FROM n)
       RETURNING 1
     ), a AS (
       INSERT INTO presence.alert (id, rule_id, severity, police_ward_code, establishment_id, person_id, source, source_id, facts, raised_at)
       SELECT t.id, t.rule_id, t.severity, t.ward, t.establishment_id, t.person_id, 'stay', t.source_id, t.facts, t.raised_at
         FROM unnest($32::text[], $33::text[], $34::text[], $35::text[], $36::text[], $37::text[], $38::jsonb[], $39::timestamptz[], $40::text[], $41::text[])
           AS t(id, rule_id, severity, ward, person_id, source_id, facts, raised_at, establishment_id, notice_id)
        WHERE t.notice_id IN (SELECT id FROM n)
       RETURNING 1
     ), notified AS (
       SELECT pg_notify('${ALERT_CHANNEL}', x.payload) FROM unnest($42::text[], $43::text[]) AS x(payload, notice_id) WHERE x.notice_id IN (SELECT id FROM n)
     )
     SELECT (SELECT array_agg(id) FROM n) AS inserted, (SELECT count(*) FROM s) AS stays, (SELECT count(*) FROM a) AS alerts, (SELECT count(*) FROM notified) AS notified`,
    [
      notices.map((n) => n.id),
      notices.map((n) => n.receiptCode),
      notices.map((n) => n.establishmentId),
      notices.map((n) => n.submittedBy),
      notices.map((n) => n.clientRequestId),
      notices.map((n) => n.submittedAt),
      bundles.map((bundle) => bundle.stays.length),
      bundles.map((bundle) => bundle.stays.filter((stay) => stay.late).length),
      notices.map((n) => n.trip?.route ?? null),
      notices.map((n) => n.trip?.departureAt ?? null),
      notices.map((n) => n.trip?.vehiclePlate ?? null),
      stays.map(({ stay }) => stay.id),
      stays.map(({ notice }) => notice.id),
      stays.map(({ notice }) => notice.establishmentId),
      stays.map(({ notice }) => notice.wardCode),
      stays.map(({ stay }) => stay.person_id),
      stays.map(({ stay }) => stay.guest_name),
      stays.map(({ stay }) => stay.birth_date),
      stays.map(({ stay }) => stay.sex),
      stays.map(({ stay }) => stay.nationality),
      stays.map(({ stay }) => stay.passport_number),
      stays.map(({ stay }) => stay.visa_number),
      stays.map(({ stay }) => stay.entry_date),
      stays.map(({ stay }) => stay.room),
      stays.map(({ stay }) => stay.reason),
      stays.map(({ stay }) => stay.arrival_at),
      stays.map(({ stay }) => stay.expected_departure_at),
      stays.map(({ stay }) => stay.deadline_at),
      stays.map(({ notice }) => notice.submittedAt),
      stays.map(({ stay }) => stay.late),
      stays.map(({ stay }) => stay.verified),
      ...alertColumns(alerts.map(({ alert }) => alert)),
      alerts.map(({ alert }) => alert.establishment_id),
      alerts.map(({ noticeId }) => noticeId),
      notifications.map(({ payload }) => payload),
      notifications.map(({ noticeId }) => noticeId),
    ],
  );
  const inserted = new Set(row!.inserted ?? []);
  return notices.map((notice) => inserted.has(notice.id));
}

function alertColumns(alerts: AlertInsert[]): unknown[] {
  return [
    alerts.map((a) => a.id),
    alerts.map((a) => a.rule_id),
    alerts.map((a) => a.severity),
    alerts.map((a) => a.police_ward_code),
    alerts.map((a) => a.person_id),
    alerts.map((a) => a.source_id),
    alerts.map((a) => JSON.stringify(a.facts)),
    alerts.map((a) => a.raised_at),
  ];
}

/** Alerts raised by an entry or a boarding (the stay path writes its alerts with the notice). */
export async function insertAlerts(db: Queryable, alerts: AlertInsert[], notifyPayloads: string[]): Promise<void> {
  if (alerts.length === 0) return;
  await db.query(
    `WITH a AS (
       INSERT INTO presence.alert (id, rule_id, severity, police_ward_code, establishment_id, person_id, source, source_id, facts, raised_at)
       SELECT t.id, t.rule_id, t.severity, t.ward, t.establishment_id, t.person_id, t.source, t.source_id, t.facts, t.raised_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::timestamptz[], $9::text[], $10::text[])
           AS t(id, rule_id, severity, ward, person_id, source_id, facts, raised_at, establishment_id, source)
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM a) AS inserted, (SELECT count(*) FROM (SELECT pg_notify('${ALERT_CHANNEL}', payload) FROM unnest($11::text[]) AS payload) AS n) AS notified`,
    [...alertColumns(alerts), alerts.map((a) => a.establishment_id), alerts.map((a) => a.source), notifyPayloads],
  );
}

export async function findNoticeByRequest(db: Queryable, establishmentId: string, clientRequestId: string) {
  const [notice] = await db.query<{ id: string; receipt_code: string; submitted_at: Date; late_count: number }>(
    'SELECT id, receipt_code, submitted_at, late_count FROM presence.stay_notice WHERE establishment_id = $1 AND client_request_id = $2',
    [establishmentId, clientRequestId],
  );
  if (!notice) return undefined;
  const stays = await db.query<StayRow>('SELECT * FROM presence.stay WHERE notice_id = $1 ORDER BY id', [notice.id]);
  return { notice, stays };
}

export async function noticesOf(db: Queryable, establishmentId: string, limit: number, offset: number) {
  return db.query<{ id: string; receipt_code: string; submitted_at: Date; guest_count: number; late_count: number; trip_route: string | null }>(
    `SELECT id, receipt_code, submitted_at, guest_count, late_count, trip_route FROM presence.stay_notice
      WHERE establishment_id = $1 ORDER BY submitted_at DESC, id LIMIT $2 OFFSET $3`,
    [establishmentId, limit, offset],
  );
}

export async function findStay(db: Queryable, stayId: string): Promise<StayRow | undefined> {
  const [row] = await db.query<StayRow>('SELECT * FROM presence.stay WHERE id = $1', [stayId]);
  return row;
}

export async function checkOut(db: Queryable, stayId: string, at: Date): Promise<number> {
  return db.run('UPDATE presence.stay SET departed_at = $2 WHERE id = $1 AND departed_at IS NULL', [stayId, at]);
}

export async function currentGuests(db: Queryable, establishmentId: string): Promise<StayRow[]> {
  return db.query<StayRow>('SELECT * FROM presence.stay WHERE establishment_id = $1 AND departed_at IS NULL ORDER BY arrival_at DESC LIMIT 2000', [establishmentId]);
}

export async function staysOfPerson(db: Queryable, personId: string): Promise<Array<StayRow & { establishment_name: string; establishment_kind: string }>> {
  return db.query(
    `SELECT s.*, e.name AS establishment_name, e.kind AS establishment_kind
       FROM presence.stay s JOIN presence.establishment e ON e.id = s.establishment_id
      WHERE s.person_id = $1 ORDER BY s.arrival_at DESC LIMIT 500`,
    [personId],
  );
}

export async function entriesOfPerson(db: Queryable, personId: string) {
  return db.query<{ id: string; site_id: string; site_name: string; direction: string; occurred_at: Date; method: string }>(
    `SELECT x.id, x.site_id, e.name AS site_name, x.direction, x.occurred_at, x.method
       FROM presence.entry x JOIN presence.establishment e ON e.id = x.site_id
      WHERE x.person_id = $1 ORDER BY x.occurred_at DESC LIMIT 500`,
    [personId],
  );
}

/** Records a passage and updates the site's live count, in one statement; returns the new count (or undefined on a retry). */
export async function insertEntry(
  db: Queryable,
  entry: { id: string; siteId: string; personId: string; direction: 'in' | 'out'; occurredAt: Date; method: string; recordedBy: string; clientRequestId: string },
): Promise<{ inserted: boolean; inside: number }> {
  const [row] = await db.query<{ inserted: number; inside: number | null }>(
    `WITH x AS (
       INSERT INTO presence.entry (id, site_id, person_id, direction, occurred_at, method, recorded_by, client_request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (site_id, client_request_id) DO NOTHING RETURNING direction
     ), o AS (
       INSERT INTO presence.site_occupancy AS so (site_id, inside, updated_at)
       SELECT $2, CASE WHEN direction = 'in' THEN 1 ELSE 0 END, $5 FROM x
       ON CONFLICT (site_id) DO UPDATE
         SET inside = greatest(0, so.inside + CASE WHEN EXCLUDED.inside = 1 THEN 1 ELSE -1 END), updated_at = EXCLUDED.updated_at
       RETURNING inside
     )
     SELECT (SELECT count(*) FROM x)::int AS inserted, (SELECT inside FROM o) AS inside`,
    [entry.id, entry.siteId, entry.personId, entry.direction, entry.occurredAt, entry.method, entry.recordedBy, entry.clientRequestId],
  );
  if (row!.inserted === 0) return { inserted: false, inside: await occupancy(db, entry.siteId) };
  return { inserted: true, inside: row!.inside ?? 0 };
}

export async function occupancy(db: Queryable, siteId: string): Promise<number> {
  const [row] = await db.query<{ inside: number }>('SELECT inside FROM presence.site_occupancy WHERE site_id = $1', [siteId]);
  return row?.inside ?? 0;
}

export async function insertTicket(
  db: Queryable,
  ticket: { id: string; operatorId: string; tripCode: string; personId: string; seat: string | null; departureAt: Date },
): Promise<boolean> {
  const count = await db.run(
    `INSERT INTO presence.ticket (id, operator_id, trip_code, person_id, seat, departure_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (operator_id, trip_code, person_id) DO NOTHING`,
    [ticket.id, ticket.operatorId, ticket.tripCode, ticket.personId, ticket.seat, ticket.departureAt],
  );
  return count === 1;
}

export async function findTicket(db: Queryable, operatorId: string, tripCode: string, personId: string) {
  const [row] = await db.query<{ id: string; seat: string | null; status: string; boarded_at: Date | null; departure_at: Date }>(
    'SELECT id, seat, status, boarded_at, departure_at FROM presence.ticket WHERE operator_id = $1 AND trip_code = $2 AND person_id = $3',
    [operatorId, tripCode, personId],
  );
  return row;
}

export async function markBoarded(db: Queryable, ticketId: string, at: Date): Promise<boolean> {
  return (await db.run(`UPDATE presence.ticket SET status = 'boarded', boarded_at = $2 WHERE id = $1 AND status = 'issued'`, [ticketId, at])) === 1;
}

export async function activeRules(db: Queryable): Promise<RuleRow[]> {
  return db.query<RuleRow>('SELECT * FROM presence.alert_rule WHERE active ORDER BY id');
}

export async function allRules(db: Queryable): Promise<RuleRow[]> {
  return db.query<RuleRow>('SELECT * FROM presence.alert_rule ORDER BY created_at, id');
}

export async function insertRule(db: Queryable, rule: Omit<RuleRow, 'active'>): Promise<boolean> {
  return (
    (await db.run(
      `INSERT INTO presence.alert_rule (id, name_vi, name_en, condition, severity, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [rule.id, rule.name_vi, rule.name_en, JSON.stringify(rule.condition), rule.severity, rule.created_at, rule.created_by],
    )) === 1
  );
}

export async function setRuleActive(db: Queryable, id: string, active: boolean): Promise<number> {
  return db.run('UPDATE presence.alert_rule SET active = $2 WHERE id = $1', [id, active]);
}

export async function listAlerts(db: Queryable, filter: { wards?: string[] | undefined; unacknowledged?: boolean; limit: number; offset: number }) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.wards) conditions.push(`a.police_ward_code = ANY($${params.push(filter.wards)}::text[])`);
  if (filter.unacknowledged) conditions.push('a.acknowledged_at IS NULL');
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return db.query<AlertRow & { establishment_name: string }>(
    `SELECT a.*, r.name_vi AS rule_name_vi, r.name_en AS rule_name_en, e.name AS establishment_name
       FROM presence.alert a JOIN presence.alert_rule r ON r.id = a.rule_id JOIN presence.establishment e ON e.id = a.establishment_id
       ${where} ORDER BY a.raised_at DESC, a.id LIMIT $${params.push(filter.limit)} OFFSET $${params.push(filter.offset)}`,
    params,
  );
}

export async function findAlert(db: Queryable, id: string) {
  const [row] = await db.query<AlertRow>('SELECT a.*, r.name_vi AS rule_name_vi, r.name_en AS rule_name_en FROM presence.alert a JOIN presence.alert_rule r ON r.id = a.rule_id WHERE a.id = $1', [id]);
  return row;
}

export async function acknowledgeAlert(db: Queryable, id: string, at: Date, by: string): Promise<number> {
  return db.run('UPDATE presence.alert SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1 AND acknowledged_at IS NULL', [id, at, by]);
}

/** Establishments that notified late or stayed silent over the last days (for police follow-up). */
export async function compliance(db: Queryable, wards: string[] | undefined, since: Date) {
  return db.query<{ id: string; name: string; kind: string; police_ward_code: string; notices: number; guests: number; late_guests: number; last_notice_at: Date | null }>(
    `SELECT e.id, e.name, e.kind, e.police_ward_code,
            count(n.id)::int AS notices, coalesce(sum(n.guest_count), 0)::int AS guests, coalesce(sum(n.late_count), 0)::int AS late_guests,
            (SELECT max(submitted_at) FROM presence.stay_notice m WHERE m.establishment_id = e.id) AS last_notice_at
       FROM presence.establishment e
       LEFT JOIN presence.stay_notice n ON n.establishment_id = e.id AND n.submitted_at >= $1
      WHERE e.status = 'approved' AND e.kind NOT IN ('tourist_site', 'industrial_park_gate', 'railway_station')
        ${wards ? 'AND e.police_ward_code = ANY($2::text[])' : ''}
      GROUP BY e.id ORDER BY late_guests DESC, notices ASC, e.name`,
    wards ? [since, wards] : [since],
  );
}

/** Tourism through stays (model 39): aggregates only, no personal data. */
export async function tourism(db: Queryable, filter: { from: Date; to: Date; wards?: string[] | undefined }) {
  const params: unknown[] = [filter.from, filter.to];
  const wardFilter = filter.wards ? `AND s.ward_code = ANY($${params.push(filter.wards)}::text[])` : '';
  const base = `FROM presence.stay s JOIN presence.establishment e ON e.id = s.establishment_id
                WHERE s.arrival_at >= $1 AND s.arrival_at < $2 AND e.kind IN ('hotel', 'guesthouse', 'homestay') ${wardFilter}`;
  // Nights: from arrival to departure (or expected departure, or now for guests still in), at least one.
  const nights = `greatest(1, ceil(extract(epoch FROM (coalesce(s.departed_at, s.expected_departure_at, $2) - s.arrival_at)) / 86400))`;
  const [totals] = await db.query<{ arrivals: number; nights: number; foreigners: number }>(
    `SELECT count(*)::int AS arrivals, coalesce(sum(${nights}), 0)::int AS nights, count(*) FILTER (WHERE s.nationality <> 'VNM')::int AS foreigners ${base}`,
    params,
  );
  const perDay = await db.query<{ day: string; arrivals: number }>(
    `SELECT to_char(s.arrival_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, count(*)::int AS arrivals ${base} GROUP BY 1 ORDER BY 1`,
    params,
  );
  const byNationality = await db.query<{ key: string; arrivals: number; nights: number }>(
    `SELECT s.nationality AS key, count(*)::int AS arrivals, sum(${nights})::int AS nights ${base} GROUP BY 1 ORDER BY 2 DESC`,
    params,
  );
  const byKind = await db.query<{ key: string; arrivals: number; nights: number }>(
    `SELECT e.kind AS key, count(*)::int AS arrivals, sum(${nights})::int AS nights ${base} GROUP BY 1 ORDER BY 2 DESC`,
    params,
  );
  const byWard = await db.query<{ key: string; arrivals: number; nights: number }>(
    `SELECT s.ward_code AS key, count(*)::int AS arrivals, sum(${nights})::int AS nights ${base} GROUP BY 1 ORDER BY 2 DESC`,
    params,
  );
  return { totals: totals!, perDay, byNationality, byKind, byWard };
}

export async function autoCheckOut(db: Queryable, now: Date): Promise<number> {
  return db.run(
    'UPDATE presence.stay SET departed_at = expected_departure_at, auto_checked_out = true WHERE departed_at IS NULL AND expected_departure_at IS NOT NULL AND expected_departure_at <= $1',
    [now],
  );
}

/** Removes personal data from stays and entries older than the retention cut-off; keeps what statistics need. */
export async function anonymiseBefore(db: Queryable, cutoff: Date, now: Date): Promise<{ stays: number; entries: number; tickets: number }> {
  const stays = await db.run(
    `UPDATE presence.stay SET person_id = NULL, guest_name = NULL, birth_date = NULL, sex = NULL, passport_number = NULL, visa_number = NULL,
            entry_date = NULL, room = NULL, anonymised_at = $2
      WHERE anonymised_at IS NULL AND coalesce(departed_at, expected_departure_at, arrival_at) < $1`,
    [cutoff, now],
  );
  const entries = await db.run('UPDATE presence.entry SET person_id = NULL, anonymised_at = $2 WHERE anonymised_at IS NULL AND occurred_at < $1', [cutoff, now]);
  const tickets = await db.run('DELETE FROM presence.ticket WHERE departure_at < $1', [cutoff]);
  return { stays, entries, tickets };
}

/** Activity of one month (Vietnam time) for the plan's live figures: notices and notifying establishments by kind, entries. */
export async function monthlyActivity(db: Queryable, from: Date, to: Date) {
  const notices = await db.query<{ kind: string; notices: number; establishments: number }>(
    `SELECT e.kind, count(*)::int AS notices, count(DISTINCT e.id)::int AS establishments
       FROM presence.stay_notice n JOIN presence.establishment e ON e.id = n.establishment_id
      WHERE n.submitted_at >= $1 AND n.submitted_at < $2 GROUP BY e.kind`,
    [from, to],
  );
  const [entries] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM presence.entry WHERE occurred_at >= $1 AND occurred_at < $2', [from, to]);
  return { notices, entries: entries!.n };
}
