/**
 * The only code that touches the audit.* tables.
 */
import type { Database, Queryable } from '../../kernel/db.ts';
import { batchHash, entryHash, merkleRoot, type AuditRecord } from './audit.chain.ts';

export interface AuditEntryRow {
  id: number;
  batch_id: number;
  position: number;
  occurred_at: Date;
  actor_kind: string;
  actor_id: string;
  actor_role: string;
  client_id: string | null;
  action: string;
  purpose: string;
  legal_basis: string;
  subject_person_id: string | null;
  fields: string[];
  outcome: AuditRecord['outcome'];
  request_id: string | null;
  details: Record<string, unknown> | null;
  entry_hash: string;
}

interface BatchRow {
  id: number;
  created_at: Date;
  entry_count: number;
  merkle_root: string;
  prev_hash: string;
  batch_hash: string;
}

/** Text form of a text[] parameter element; field names are validated identifiers, so no quoting is needed. */
function textArrayLiteral(items: string[]): string {
  return `{${items.join(',')}}`;
}

export interface ChainHead {
  batchId: number;
  hash: string;
}

export async function readChainHead(db: Queryable): Promise<ChainHead> {
  const [head] = await db.query<{ last_batch_id: number; last_hash: string }>('SELECT last_batch_id, last_hash FROM audit.chain_head WHERE id = 1');
  return { batchId: head!.last_batch_id, hash: head!.last_hash };
}

/**
 * Appends one batch after `expected` in ONE statement (one round trip, atomic): the chain head moves from `expected`
 * to the new batch only if nobody moved it meanwhile (compare-and-set on the head row, whose row lock orders
 * concurrent writers); the batch and its entries are inserted only if the head moved. Returns the new head, or
 * undefined when another process appended first (the caller re-reads the head and computes the hashes again).
 */
export async function tryAppendBatch(db: Queryable, expected: ChainHead, records: AuditRecord[], hashes: string[], createdAt: Date): Promise<ChainHead | undefined> {
  const root = merkleRoot(hashes);
  const id = expected.batchId + 1;
  const hash = batchHash({ id, createdAt, entryCount: records.length, merkleRoot: root, prevHash: expected.hash });
  const [row] = await db.query<{ moved: number }>(
    `WITH head AS (
       UPDATE audit.chain_head SET last_batch_id = $1, last_hash = $2 WHERE id = 1 AND last_batch_id = $3 AND last_hash = $4 RETURNING 1
     ), batch AS (
       INSERT INTO audit.batch (id, created_at, entry_count, merkle_root, prev_hash, batch_hash)
       SELECT $1, $5, $6, $7, $4, $2 WHERE EXISTS (SELECT 1 FROM head)
       RETURNING id
     ), entries AS (
       INSERT INTO audit.entry (batch_id, position, occurred_at, actor_kind, actor_id, actor_role, client_id, action, purpose,
                                legal_basis, subject_person_id, fields, outcome, request_id, details, entry_hash)
       SELECT $1, position, occurred_at, actor_kind, actor_id, actor_role, client_id, action, purpose,
              legal_basis, subject_person_id, fields::text[], outcome, request_id, details, entry_hash
         FROM unnest($8::int[], $9::timestamptz[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                     $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::jsonb[], $22::text[])
           AS t(position, occurred_at, actor_kind, actor_id, actor_role, client_id, action, purpose,
                legal_basis, subject_person_id, fields, outcome, request_id, details, entry_hash)
        WHERE EXISTS (SELECT 1 FROM batch)
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM head)::int AS moved, (SELECT count(*) FROM entries) AS inserted`,
    [
      id,
      hash,
      expected.batchId,
      expected.hash,
      createdAt,
      records.length,
      root,
      records.map((_, index) => index),
      records.map((r) => r.occurredAt),
      records.map((r) => r.actorKind),
      records.map((r) => r.actorId),
      records.map((r) => r.actorRole),
      records.map((r) => r.clientId),
      records.map((r) => r.action),
      records.map((r) => r.purpose),
      records.map((r) => r.legalBasis),
      records.map((r) => r.subjectPersonId),
      records.map((r) => textArrayLiteral(r.fields)),
      records.map((r) => r.outcome),
      records.map((r) => r.requestId),
      records.map((r) => (r.details === null ? null : JSON.stringify(r.details))),
      hashes,
    ],
  );
  return row!.moved === 1 ? { batchId: id, hash } : undefined;
}

/** Appends one batch, re-reading the head as long as other writers get there first. */
export async function appendBatch(db: Queryable, records: AuditRecord[], createdAt: Date, knownHead?: ChainHead): Promise<ChainHead> {
  const hashes = records.map(entryHash);
  let head = knownHead ?? (await readChainHead(db));
  for (;;) {
    const appended = await tryAppendBatch(db, head, records, hashes, createdAt);
    if (appended) return appended;
    head = await readChainHead(db);
  }
}

export function recordFromRow(row: AuditEntryRow): AuditRecord {
  return {
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    clientId: row.client_id,
    action: row.action,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    subjectPersonId: row.subject_person_id,
    fields: row.fields,
    outcome: row.outcome,
    requestId: row.request_id,
    details: row.details,
  };
}

export type VerifyResult =
  | { ok: true; batches: number; entries: number; headBatchId: number }
  | { ok: false; batches: number; entries: number; batchId: number; entryId?: number; position?: number; reason: string };

/**
 * Walks the whole chain from the genesis hash and reports the first broken link. Detects: an edited entry (its hash
 * no longer matches its content), a changed stored entry hash or a deleted/added entry (the Merkle root no longer
 * matches), an edited batch (its hash no longer matches), a deleted or reordered batch (the previous hash does not
 * match), and a truncated tail (the head points past the last batch).
 */
export async function verifyChain(db: Database, pageSize = 500): Promise<VerifyResult> {
  const [head] = await db.query<{ last_batch_id: number; last_hash: string; genesis: string }>(
    `SELECT last_batch_id, last_hash, encode(sha256(convert_to('da06-audit-genesis', 'UTF8')), 'hex') AS genesis FROM audit.chain_head WHERE id = 1`,
  );
  let previousHash = head!.genesis;
  let expectedId = 1;
  let entries = 0;
  let batches = 0;
  let afterId = 0;
  for (;;) {
    const page = await db.query<BatchRow>('SELECT id, created_at, entry_count, merkle_root, prev_hash, batch_hash FROM audit.batch WHERE id > $1 ORDER BY id LIMIT $2', [
      afterId,
      pageSize,
    ]);
    if (page.length === 0) break;
    const rows = await db.query<AuditEntryRow>('SELECT * FROM audit.entry WHERE batch_id >= $1 AND batch_id <= $2 ORDER BY batch_id, position', [
      page[0]!.id,
      page[page.length - 1]!.id,
    ]);
    const byBatch = new Map<number, AuditEntryRow[]>();
    for (const row of rows) byBatch.set(row.batch_id, [...(byBatch.get(row.batch_id) ?? []), row]);

    for (const batch of page) {
      const fail = (reason: string, entry?: AuditEntryRow): VerifyResult => ({
        ok: false,
        batches,
        entries,
        batchId: batch.id,
        ...(entry ? { entryId: entry.id, position: entry.position } : {}),
        reason,
      });
      if (batch.id !== expectedId) return fail(`batch ${expectedId} is missing (found ${batch.id} next)`);
      if (batch.prev_hash !== previousHash) return fail(`batch ${batch.id} does not chain to the previous batch (prev_hash differs)`);
      const batchEntries = byBatch.get(batch.id) ?? [];
      for (const entry of batchEntries) {
        if (entryHash(recordFromRow(entry)) !== entry.entry_hash) return fail(`entry ${entry.id} (batch ${batch.id}, position ${entry.position}) was altered: its content no longer matches its hash`, entry);
      }
      if (batchEntries.length !== batch.entry_count) return fail(`batch ${batch.id} should hold ${batch.entry_count} entries but holds ${batchEntries.length}`);
      if (merkleRoot(batchEntries.map((entry) => entry.entry_hash)) !== batch.merkle_root) return fail(`batch ${batch.id}: entry hashes do not match the batch's Merkle root`);
      const recomputed = batchHash({ id: batch.id, createdAt: batch.created_at, entryCount: batch.entry_count, merkleRoot: batch.merkle_root, prevHash: batch.prev_hash });
      if (recomputed !== batch.batch_hash) return fail(`batch ${batch.id} header was altered: its hash no longer matches`);
      previousHash = batch.batch_hash;
      expectedId += 1;
      batches += 1;
      entries += batchEntries.length;
    }
    afterId = page[page.length - 1]!.id;
  }
  if (head!.last_batch_id !== batches || head!.last_hash !== previousHash) {
    return { ok: false, batches, entries, batchId: batches + 1, reason: `the chain head points to batch ${head!.last_batch_id} but the chain ends at batch ${batches}` };
  }
  return { ok: true, batches, entries, headBatchId: head!.last_batch_id };
}

export interface EntryFilter {
  subjectPersonId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  excludeActorId?: string | undefined;
  limit: number;
  offset: number;
}

export async function findEntries(db: Queryable, filter: EntryFilter): Promise<{ rows: AuditEntryRow[]; total: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.subjectPersonId) add('subject_person_id = ?', filter.subjectPersonId);
  if (filter.actorId) add('actor_id = ?', filter.actorId);
  if (filter.excludeActorId) add('actor_id <> ?', filter.excludeActorId);
  if (filter.action) add('action LIKE ?', `${filter.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.from) add('occurred_at >= ?', filter.from);
  if (filter.to) add('occurred_at < ?', filter.to);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const [count] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM audit.entry ${where}`, params);
  const rows = await db.query<AuditEntryRow>(
    `SELECT * FROM audit.entry ${where} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  return { rows, total: count!.total };
}
