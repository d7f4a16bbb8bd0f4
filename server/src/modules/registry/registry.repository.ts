/**
 * The only code that touches the registry.* tables.
 */
import type { Queryable } from '../../kernel/db.ts';

export interface PersonRow {
  person_id: string;
  full_name: string;
  name_search: string;
  birth_date: string;
  sex: 'male' | 'female';
  ethnicity: string;
  religion: string;
  nationality: string;
  hometown: string | null;
  permanent_address: string | null;
  permanent_unit_id: string | null;
  current_address: string | null;
  current_unit_id: string | null;
  ward_code: string;
  household_id: string | null;
  relation_to_head: string | null;
  father_id: string | null;
  mother_id: string | null;
  spouse_id: string | null;
  father_name: string | null;
  mother_name: string | null;
  spouse_name: string | null;
  status: 'living' | 'deceased' | 'moved_away';
  status_date: string | null;
  old_ids: string[];
  eid_level: 0 | 1 | 2;
  version: number;
  updated_at: Date;
}

export interface CardRow {
  id: string;
  person_id: string;
  card_type: 'CMND' | 'CCCD' | 'CAN_CUOC';
  card_number: string;
  issue_date: string;
  expiry_date: string | null;
  status: 'active' | 'replaced' | 'revoked' | 'lost';
  status_date: string | null;
}

export interface HouseholdRow {
  id: string;
  ward_code: string;
  address: string;
  unit_id: string;
  head_person_id: string | null;
}

export interface HistoryRow {
  id: number;
  person_id: string;
  version: number;
  changed_at: Date;
  changed_by: string;
  change_kind: string;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  level: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  successor_ids: string[];
}

export const PERSON_COLUMNS = [
  'person_id',
  'full_name',
  'name_search',
  'birth_date',
  'sex',
  'ethnicity',
  'religion',
  'nationality',
  'hometown',
  'permanent_address',
  'permanent_unit_id',
  'current_address',
  'current_unit_id',
  'ward_code',
  'household_id',
  'relation_to_head',
  'father_id',
  'mother_id',
  'spouse_id',
  'father_name',
  'mother_name',
  'spouse_name',
  'status',
  'status_date',
  'old_ids',
  'eid_level',
] as const;
export type PersonInsert = Pick<PersonRow, (typeof PERSON_COLUMNS)[number]>;

/** PostgreSQL type of each column, for the unnest() bulk insert. */
const PERSON_COLUMN_TYPES: Record<(typeof PERSON_COLUMNS)[number], string> = {
  person_id: 'text',
  full_name: 'text',
  name_search: 'text',
  birth_date: 'date',
  sex: 'text',
  ethnicity: 'text',
  religion: 'text',
  nationality: 'text',
  hometown: 'text',
  permanent_address: 'text',
  permanent_unit_id: 'text',
  current_address: 'text',
  current_unit_id: 'text',
  ward_code: 'text',
  household_id: 'text',
  relation_to_head: 'text',
  father_id: 'text',
  mother_id: 'text',
  spouse_id: 'text',
  father_name: 'text',
  mother_name: 'text',
  spouse_name: 'text',
  status: 'text',
  status_date: 'date',
  // text[] per row travels as its array literal ('{a,b}') and is cast back below.
  old_ids: 'text',
  eid_level: 'int2',
};

function arrayLiteral(items: string[]): string {
  return `{${items.join(',')}}`;
}

/** Every word-boundary suffix of a search name: "nguyen van an" → "nguyen van an", "van an", "an". */
export function nameKeys(nameSearch: string): string[] {
  const words = nameSearch.split(' ').filter(Boolean);
  return [...new Set(words.map((_, index) => words.slice(index).join(' ')))];
}

/** Inserts many persons with one statement (one array parameter per column), and their name search keys. */
export async function insertPersons(db: Queryable, rows: PersonInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = rows.flatMap((row) => nameKeys(row.name_search).map((key) => [key, row.person_id] as const));
  await db.query('INSERT INTO registry.person_name_key (key, person_id) SELECT * FROM unnest($1::text[], $2::text[])', [keys.map(([key]) => key), keys.map(([, id]) => id)]);
  const columns = PERSON_COLUMNS;
  const params = columns.map((column) => rows.map((row) => (column === 'old_ids' ? arrayLiteral(row.old_ids) : row[column])));
  const unnest = columns.map((column, index) => `$${index + 1}::${PERSON_COLUMN_TYPES[column]}[]`).join(', ');
  const select = columns.map((column) => (column === 'old_ids' ? 'old_ids::text[]' : column)).join(', ');
  await db.query(`INSERT INTO registry.person (${columns.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS t(${columns.join(', ')})`, params);
}

export async function insertHouseholds(db: Queryable, rows: HouseholdRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO registry.household (id, ward_code, address, unit_id, head_person_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [rows.map((r) => r.id), rows.map((r) => r.ward_code), rows.map((r) => r.address), rows.map((r) => r.unit_id), rows.map((r) => r.head_person_id)],
  );
}

export async function insertCards(db: Queryable, rows: CardRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO registry.id_card (id, person_id, card_type, card_number, issue_date, expiry_date, status, status_date)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::date[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.person_id),
      rows.map((r) => r.card_type),
      rows.map((r) => r.card_number),
      rows.map((r) => r.issue_date),
      rows.map((r) => r.expiry_date),
      rows.map((r) => r.status),
      rows.map((r) => r.status_date),
    ],
  );
}

export async function insertWanted(db: Queryable, rows: Array<{ person_id: string; reason_code: string; added_at: Date; added_by: string }>): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO registry.wanted_person (person_id, reason_code, added_at, added_by)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])
     ON CONFLICT (person_id) DO UPDATE SET active = true, reason_code = EXCLUDED.reason_code, added_at = EXCLUDED.added_at, added_by = EXCLUDED.added_by, cleared_at = NULL`,
    [rows.map((r) => r.person_id), rows.map((r) => r.reason_code), rows.map((r) => r.added_at), rows.map((r) => r.added_by)],
  );
}

export async function findPerson(db: Queryable, personId: string, options: { forUpdate?: boolean } = {}): Promise<PersonRow | undefined> {
  const [row] = await db.query<PersonRow>(`SELECT * FROM registry.person WHERE person_id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [personId]);
  return row;
}

export async function findPersonsByIds(db: Queryable, personIds: string[]): Promise<PersonRow[]> {
  if (personIds.length === 0) return [];
  return db.query<PersonRow>('SELECT * FROM registry.person WHERE person_id = ANY($1::text[])', [personIds]);
}

export async function findPersonByOldId(db: Queryable, oldId: string): Promise<PersonRow | undefined> {
  const [row] = await db.query<PersonRow>('SELECT * FROM registry.person WHERE old_ids @> ARRAY[$1]::text[] LIMIT 1', [oldId]);
  return row;
}

export async function findCards(db: Queryable, personId: string): Promise<CardRow[]> {
  return db.query<CardRow>('SELECT * FROM registry.id_card WHERE person_id = $1 ORDER BY issue_date DESC, id DESC', [personId]);
}

export async function findHousehold(db: Queryable, householdId: string): Promise<HouseholdRow | undefined> {
  const [row] = await db.query<HouseholdRow>('SELECT * FROM registry.household WHERE id = $1', [householdId]);
  return row;
}

export async function findHouseholdMembers(db: Queryable, householdId: string): Promise<PersonRow[]> {
  return db.query<PersonRow>('SELECT * FROM registry.person WHERE household_id = $1 ORDER BY birth_date', [householdId]);
}

export async function findHistory(db: Queryable, personId: string): Promise<HistoryRow[]> {
  return db.query<HistoryRow>('SELECT * FROM registry.person_history WHERE person_id = $1 ORDER BY version DESC', [personId]);
}

export interface SearchFilter {
  /** Diacritics-free, lower-case name fragment. */
  nameKey?: string | undefined;
  personId?: string | undefined;
  oldId?: string | undefined;
  wardCodes?: string[] | undefined;
  bornFrom?: string | undefined;
  bornTo?: string | undefined;
  householdId?: string | undefined;
  limit: number;
  offset: number;
}

/** Counting stops here: the page shows "more than 1,000" rather than scanning every "nguyen" in the town. */
export const SEARCH_COUNT_CAP = 1000;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

export async function searchPersons(db: Queryable, filter: SearchFilter): Promise<{ rows: PersonRow[]; total: number; totalIsCapped: boolean }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.personId) add('p.person_id = ?', filter.personId);
  if (filter.oldId) add('p.old_ids @> ARRAY[?]::text[]', filter.oldId);
  if (filter.wardCodes) add('p.ward_code = ANY(?::text[])', filter.wardCodes);
  if (filter.bornFrom) add('p.birth_date >= ?', filter.bornFrom);
  if (filter.bornTo) add('p.birth_date <= ?', filter.bornTo);
  if (filter.householdId) add('p.household_id = ?', filter.householdId);
  let from = 'registry.person p';
  let order = 'p.person_id';
  if (filter.nameKey) {
    // A name matches when a word of it starts the query ("van an" finds "Nguyễn Văn An" and "Lê Văn Anh"): one
    // ordered range scan of person_name_key, in name order from the matching word.
    from = 'registry.person_name_key k JOIN registry.person p ON p.person_id = k.person_id';
    add(`k.key LIKE ?`, `${escapeLike(filter.nameKey)}%`);
    order = 'k.key, k.person_id';
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await db.query<PersonRow>(
    `SELECT p.* FROM ${from} ${where} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) AS capped`, params);
  const total = count!.n;
  // A name matched through two of its words (rare: "an" in "Lê An Ánh") appears once.
  const unique = [...new Map(rows.map((row) => [row.person_id, row])).values()];
  return { rows: unique, total: Math.min(total, SEARCH_COUNT_CAP), totalIsCapped: total > SEARCH_COUNT_CAP };
}

export async function upsertUnits(db: Queryable, units: UnitRow[]): Promise<void> {
  await db.query(
    `INSERT INTO registry.admin_unit (id, code, name, level, parent_id, valid_from, valid_to, successor_ids)
     SELECT id, code, name, level, parent_id, valid_from, valid_to, successor_ids::text[]
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[])
         AS t(id, code, name, level, parent_id, valid_from, valid_to, successor_ids)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, level = EXCLUDED.level, parent_id = EXCLUDED.parent_id,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, successor_ids = EXCLUDED.successor_ids`,
    [
      units.map((u) => u.id),
      units.map((u) => u.code),
      units.map((u) => u.name),
      units.map((u) => u.level),
      units.map((u) => u.parent_id),
      units.map((u) => u.valid_from),
      units.map((u) => u.valid_to),
      units.map((u) => arrayLiteral(u.successor_ids)),
    ],
  );
}

export async function nextPersonIdSequence(db: Queryable, prefix: string): Promise<number> {
  const [row] = await db.query<{ last_value: number }>(
    `INSERT INTO registry.person_id_sequence (prefix, last_value)
     VALUES ($1, 1 + coalesce((SELECT max(substr(person_id, 7)::int) FROM registry.person WHERE person_id LIKE $1 || '%'), 0))
     ON CONFLICT (prefix) DO UPDATE SET last_value = registry.person_id_sequence.last_value + 1
     RETURNING last_value`,
    [prefix],
  );
  return row!.last_value;
}

export async function appendHistory(
  db: Queryable,
  entry: { personId: string; version: number; changedAt: Date; changedBy: string; kind: string; reason: string | null; changes: Record<string, { from: unknown; to: unknown }> },
): Promise<void> {
  await db.query(
    'INSERT INTO registry.person_history (person_id, version, changed_at, changed_by, change_kind, reason, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [entry.personId, entry.version, entry.changedAt, entry.changedBy, entry.kind, entry.reason, JSON.stringify(entry.changes)],
  );
}

/** Writes changed columns and bumps the version; the caller has locked the row. */
export async function updatePerson(db: Queryable, personId: string, changes: Partial<PersonInsert>, at: Date): Promise<number> {
  const columns = Object.keys(changes) as Array<keyof PersonInsert>;
  const sets = columns.map((column, index) => `${column} = $${index + 2}${column === 'old_ids' ? '::text[]' : ''}`);
  const [row] = await db.query<{ version: number }>(
    `UPDATE registry.person SET ${[...sets, 'version = version + 1', `updated_at = $${columns.length + 2}`].join(', ')} WHERE person_id = $1 RETURNING version`,
    [personId, ...columns.map((column) => changes[column]), at],
  );
  return row!.version;
}

export async function updateCardStatus(db: Queryable, cardId: string, status: CardRow['status'], date: string): Promise<void> {
  await db.query('UPDATE registry.id_card SET status = $2, status_date = $3 WHERE id = $1', [cardId, status, date]);
}

export async function activeWantedAmong(db: Queryable, personIds: string[]): Promise<Array<{ person_id: string; reason_code: string }>> {
  if (personIds.length === 0) return [];
  return db.query('SELECT person_id, reason_code FROM registry.wanted_person WHERE active AND person_id = ANY($1::text[])', [personIds]);
}

export async function listWanted(db: Queryable, wardCodes: string[] | undefined, limit: number, offset: number) {
  const wardFilter = wardCodes ? 'AND p.ward_code = ANY($3::text[])' : '';
  return db.query<{ person_id: string; reason_code: string; added_at: Date; full_name: string; birth_date: string; ward_code: string }>(
    `SELECT w.person_id, w.reason_code, w.added_at, p.full_name, p.birth_date, p.ward_code
       FROM registry.wanted_person w JOIN registry.person p ON p.person_id = w.person_id
      WHERE w.active ${wardFilter}
      ORDER BY w.added_at DESC LIMIT $1 OFFSET $2`,
    wardCodes ? [limit, offset, wardCodes] : [limit, offset],
  );
}

export async function clearWanted(db: Queryable, personId: string, at: Date): Promise<number> {
  return db.run('UPDATE registry.wanted_person SET active = false, cleared_at = $2 WHERE person_id = $1 AND active', [personId, at]);
}

export async function eIdCoverage(db: Queryable, bornOnOrBefore: string): Promise<{ residents: number; level1: number; level2: number }> {
  const [row] = await db.query<{ residents: number; level1: number; level2: number }>(
    `SELECT count(*)::int AS residents,
            count(*) FILTER (WHERE eid_level = 1)::int AS level1,
            count(*) FILTER (WHERE eid_level = 2)::int AS level2
       FROM registry.person WHERE status = 'living' AND birth_date <= $1`,
    [bornOnOrBefore],
  );
  return row!;
}

export interface PersonForCheck extends PersonRow {
  cards: CardRow[];
  wanted_reason: string | null;
}

/** People with their cards and wanted status in one query (the verification's point-select). */
export async function findPeopleForCheck(db: Queryable, personIds: string[]): Promise<PersonForCheck[]> {
  if (personIds.length === 0) return [];
  return db.query<PersonForCheck>(
    `SELECT p.*, w.reason_code AS wanted_reason,
            coalesce((SELECT json_agg(c ORDER BY c.issue_date DESC, c.id DESC) FROM registry.id_card c WHERE c.person_id = p.person_id), '[]') AS cards
       FROM registry.person p
       LEFT JOIN registry.wanted_person w ON w.person_id = p.person_id AND w.active
      WHERE p.person_id = ANY($1::text[])`,
    [personIds],
  );
}

export async function insertPresentationCode(db: Queryable, code: { codeHash: string; personId: string; expiresAt: Date }): Promise<void> {
  await db.query('INSERT INTO registry.presentation_code (code_hash, person_id, expires_at) VALUES ($1, $2, $3)', [code.codeHash, code.personId, code.expiresAt]);
}

/** Marks a presentation code used and returns its person, if it exists, is unused and has not expired. */
export async function consumePresentationCode(db: Queryable, codeHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db.query<{ person_id: string }>(
    'UPDATE registry.presentation_code SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING person_id',
    [codeHash, now],
  );
  return row?.person_id;
}

export async function deleteExpiredPresentationCodes(db: Queryable, now: Date): Promise<number> {
  return db.run('DELETE FROM registry.presentation_code WHERE expires_at < $1', [new Date(now.getTime() - 3600_000)]);
}
