import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../../test/support.ts';

describe('the database kernel is the same on PGlite and PostgreSQL', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.drop());

  it('normalises int8, numeric, date and timestamptz the same way', async () => {
    const [row] = await database.db.query<Record<string, unknown>>(
      `SELECT 9007199254740991::int8 AS big, 12.50::numeric AS money, '2024-02-29'::date AS day,
              '2026-01-01T00:00:00Z'::timestamptz AS at, ARRAY[1,2]::int8[] AS bigs, ARRAY['2020-01-01'::date] AS days, count(*) AS n
         FROM generate_series(1, 3)`,
    );
    assert.deepEqual(row, {
      big: 9007199254740991,
      money: '12.50',
      day: '2024-02-29',
      at: new Date('2026-01-01T00:00:00Z'),
      bigs: [1, 2],
      days: ['2020-01-01'],
      n: 3,
    });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await database.db.query('CREATE TABLE public.tx_probe (id int PRIMARY KEY)');
    await database.db.transaction(async (tx) => {
      await tx.query('INSERT INTO public.tx_probe VALUES (1)');
    });
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await tx.query('INSERT INTO public.tx_probe VALUES (2)');
        throw new Error('boom');
      }),
      /boom/,
    );
    const rows = await database.db.query<{ id: number }>('SELECT id FROM public.tx_probe ORDER BY id');
    assert.deepEqual(rows, [{ id: 1 }]);
    assert.equal(await database.db.run('DELETE FROM public.tx_probe'), 1);
  });
});
