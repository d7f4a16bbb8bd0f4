/**
 * Loading the synthetic town into the registry, fast: households, persons and cards go in with one multi-row
 * statement per few thousand rows. Into an empty registry, the secondary indexes and foreign keys are dropped first and
 * rebuilt once at the end (building a trigram index once, and checking a foreign key with one join, is far faster
 * than doing either row by row). They are rebuilt even when the load fails.
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

async function secondaryIndexes(db: Queryable): Promise<Array<{ name: string; definition: string }>> {
  return db.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = 'registry' AND i.tablename IN ('person', 'id_card', 'household')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
}

/** Foreign keys among the bulk-loaded tables, checked once when re-added instead of once per row. */
async function foreignKeys(db: Queryable): Promise<Array<{ table: string; name: string; definition: string }>> {
  return db.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'registry'::regnamespace
        AND c.conrelid::regclass::text IN ('registry.person', 'registry.id_card', 'registry.household')`,
  );
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
  const dropped = count === 0 ? await secondaryIndexes(db) : [];
  const droppedKeys = count === 0 ? await foreignKeys(db) : [];
  for (const key of droppedKeys) await db.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of dropped) await db.query(`DROP INDEX registry.${index.name}`);

  const result = { residents: 0, households: 0, cards: 0, wanted: 0 };
  try {
    const wanted: Array<{ person_id: string; reason_code: string }> = [];
    let batch: SyntheticHousehold[] = [];
    let batchPersons = 0;
    // On PostgreSQL the next batch is generated while the previous one is written.
    let writing: Promise<void> = Promise.resolve();
    for (const household of generateTown(options)) {
      batch.push(household);
      batchPersons += household.persons.length;
      result.households += 1;
      result.residents += household.persons.length;
      result.cards += household.cards.length;
      wanted.push(...household.wanted);
      if (batchPersons >= BATCH_PERSONS) {
        const full = batch;
        await writing;
        writing = flush(db, full);
        batch = [];
        batchPersons = 0;
        options.onProgress?.({ phase: 'residents', residents: result.residents, target: options.residents });
      }
    }
    await writing;
    if (batch.length > 0) await flush(db, batch);
    options.onProgress?.({ phase: 'residents', residents: result.residents, target: options.residents });

    const addedAt = new Date(`${options.today}T08:00:00+07:00`);
    await repo.insertWanted(db, wanted.map((entry) => ({ ...entry, added_at: addedAt, added_by: options.addedBy ?? 'da06-seed' })));
    result.wanted = wanted.length;
  } finally {
    // Rebuilt even when the load fails half-way, so the registry never stays without its indexes.
    if (dropped.length > 0) {
      options.onProgress?.({ phase: 'indexes', residents: result.residents, target: options.residents });
      for (const index of dropped) await db.query(index.definition);
    }
    for (const key of droppedKeys) await db.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  }
  await db.query('ANALYZE registry.person');
  await db.query('ANALYZE registry.id_card');
  await db.query('ANALYZE registry.household');
  options.onProgress?.({ phase: 'done', residents: result.residents, target: options.residents });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}
