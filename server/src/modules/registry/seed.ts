/**
 * Loading the synthetic town into the registry, fast: households, persons, name keys and cards go in with one
 * multi-row statement per table and few thousand people.
 *
 * Into an empty registry, every index and constraint of the bulk-loaded tables is dropped first and rebuilt once at
 * the end: building a B-tree from sorted data, and checking a foreign key with one join, is far faster than keeping
 * either up to date row by row. They are rebuilt even when the load fails. On PostgreSQL two batches are written at
 * a time (the server uses both cores while this process generates the next batch).
 */
import type { Database, Queryable } from '../../kernel/db.ts';
import * as repo from './registry.repository.ts';
import { generateTown, type SyntheticHousehold, type SyntheticTownOptions } from './synthetic-town.ts';

export interface SeedProgress {
  phase: 'residents' | 'indexes' | 'done';
  residents: number;
  target: number;
}

export interface SeedResult {
  residents: number;
  households: number;
  cards: number;
  wanted: number;
  seconds: number;
}

const BATCH_PERSONS = 5000;
const BULK_TABLES = ['registry.household', 'registry.person', 'registry.person_name_key', 'registry.id_card'];

interface Structure {
  /** SQL that drops it. */
  drop: string;
  /** SQL that builds it again. */
  create: string;
}

/**
 * The indexes and constraints of the bulk tables, in the order to drop them (foreign keys, then primary and unique
 * keys, then plain indexes); they are rebuilt in the reverse order.
 */
async function bulkStructures(db: Queryable): Promise<Structure[]> {
  const constraints = await db.query<{ table: string; name: string; type: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype IN ('f', 'p', 'u') AND c.conrelid::regclass::text = ANY($1::text[])
      ORDER BY CASE c.contype WHEN 'f' THEN 0 ELSE 1 END, c.conname`,
    [BULK_TABLES],
  );
  const indexes = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname || '.' || i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
      ORDER BY i.indexname`,
    [BULK_TABLES],
  );
  return [
    ...constraints.map((c) => ({ drop: `ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`, create: `ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.definition}` })),
    ...indexes.map((i) => ({ drop: `DROP INDEX registry.${i.name}`, create: i.definition })),
  ];
}

async function flush(db: Database, batch: SyntheticHousehold[]): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.insertHouseholds(tx, batch.map((entry) => entry.household));
    await repo.insertPersons(tx, batch.flatMap((entry) => entry.persons));
    await repo.insertCards(tx, batch.flatMap((entry) => entry.cards));
  });
}

export async function seedTown(db: Database, options: SyntheticTownOptions & { onProgress?: (progress: SeedProgress) => void; addedBy?: string }): Promise<SeedResult> {
  const started = Date.now();
  const [{ count } = { count: 0 }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM registry.person');
  const structures = count === 0 ? await bulkStructures(db) : [];
  for (const structure of structures) await db.query(structure.drop);

  const result = { residents: 0, households: 0, cards: 0, wanted: 0 };
  try {
    const wanted: Array<{ person_id: string; reason_code: string }> = [];
    const writers = db.engine === 'postgres' ? 2 : 1;
    const writing = new Set<Promise<void>>();
    let batch: SyntheticHousehold[] = [];
    let batchPersons = 0;
    const write = async (full: SyntheticHousehold[]) => {
      while (writing.size >= writers) await Promise.race(writing);
      const promise = flush(db, full).finally(() => writing.delete(promise));
      writing.add(promise);
    };
    for (const household of generateTown(options)) {
      batch.push(household);
      batchPersons += household.persons.length;
      result.households += 1;
      result.residents += household.persons.length;
      result.cards += household.cards.length;
      wanted.push(...household.wanted);
      if (batchPersons >= BATCH_PERSONS) {
        await write(batch);
        batch = [];
        batchPersons = 0;
        options.onProgress?.({ phase: 'residents', residents: result.residents, target: options.residents });
      }
    }
    if (batch.length > 0) await write(batch);
    await Promise.all(writing);
    options.onProgress?.({ phase: 'residents', residents: result.residents, target: options.residents });

    const addedAt = new Date(`${options.today}T08:00:00+07:00`);
    await repo.insertWanted(db, wanted.map((entry) => ({ ...entry, added_at: addedAt, added_by: options.addedBy ?? 'da06-seed' })));
    result.wanted = wanted.length;
  } finally {
    if (structures.length > 0) options.onProgress?.({ phase: 'indexes', residents: result.residents, target: options.residents });
    for (const structure of [...structures].reverse()) await db.query(structure.create);
  }
  for (const table of BULK_TABLES) await db.query(`ANALYZE ${table}`);
  options.onProgress?.({ phase: 'done', residents: result.residents, target: options.residents });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}
