import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../../test/support.ts';
import { fakeClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { createOutboxDispatcher, publish } from './outbox.ts';

describe('transactional outbox', () => {
  let database: TestDatabase;
  const clock = fakeClock('2026-01-01T00:00:00Z');
  before(async () => {
    database = await openTestDatabase();
    await database.db.query('CREATE TABLE public.projection (event_id bigint PRIMARY KEY, value text)');
  });
  after(() => database.drop());

  it('keeps an event only if its transaction commits', async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await publish(tx, 'test.rolled_back', { n: 1 });
        throw new Error('change failed');
      }),
    );
    const rows = await database.db.query(`SELECT * FROM kernel.outbox WHERE topic = 'test.rolled_back'`);
    assert.equal(rows.length, 0);
  });

  it('delivers each event once per handler, with the handler writes in the same transaction', async () => {
    const dispatcher = createOutboxDispatcher({ db: database.db, logger: createLogger('silent'), clock });
    let calls = 0;
    dispatcher.subscribe<{ value: string }>('test.created', 'projection', async (event, tx) => {
      calls += 1;
      await tx.query('INSERT INTO public.projection (event_id, value) VALUES ($1, $2)', [event.id, event.payload.value]);
    });
    await database.db.transaction((tx) => publish(tx, 'test.created', { value: 'a' }, 'key-1'));
    await database.db.transaction((tx) => publish(tx, 'test.created', { value: 'b' }));
    assert.equal(await dispatcher.drain(), 2);
    assert.equal(await dispatcher.drain(), 0);
    assert.equal(calls, 2);
    const rows = await database.db.query<{ value: string }>('SELECT value FROM public.projection ORDER BY value');
    assert.deepEqual(rows.map((row) => row.value), ['a', 'b']);
  });

  it('retries a failing handler with backoff, without re-running handlers that succeeded', async () => {
    const dispatcher = createOutboxDispatcher({ db: database.db, logger: createLogger('silent'), clock, maxAttempts: 3 });
    let stableCalls = 0;
    let flakyCalls = 0;
    dispatcher.subscribe('test.flaky', 'stable', async () => {
      stableCalls += 1;
    });
    dispatcher.subscribe('test.flaky', 'flaky', async (_event, tx) => {
      flakyCalls += 1;
      await tx.query(`INSERT INTO public.projection (event_id, value) VALUES (-1, 'half-written')`);
      if (flakyCalls < 2) throw new Error('downstream unavailable');
    });
    const eventId = await database.db.transaction((tx) => publish(tx, 'test.flaky', {}));
    await dispatcher.drain();
    let [event] = await database.db.query<{ status: string; attempts: number; last_error: string }>('SELECT status, attempts, last_error FROM kernel.outbox WHERE id = $1', [eventId]);
    assert.equal(event!.status, 'pending');
    assert.equal(event!.attempts, 1);
    assert.match(event!.last_error, /downstream unavailable/);
    // The failed handler's write was rolled back with its savepoint.
    assert.equal((await database.db.query(`SELECT 1 FROM public.projection WHERE event_id = -1`)).length, 0);

    await dispatcher.drain(); // not yet due: backoff of 1 s
    assert.equal(flakyCalls, 1);
    clock.advance(1500);
    await dispatcher.drain();
    [event] = await database.db.query<{ status: string; attempts: number; last_error: string }>('SELECT status, attempts, last_error FROM kernel.outbox WHERE id = $1', [eventId]);
    assert.equal(event!.status, 'delivered');
    assert.equal(stableCalls, 1);
    assert.equal(flakyCalls, 2);
  });

  it('parks an event as failed after the last attempt', async () => {
    const dispatcher = createOutboxDispatcher({ db: database.db, logger: createLogger('silent'), clock, maxAttempts: 2 });
    dispatcher.subscribe('test.doomed', 'doomed', async () => {
      throw new Error('always');
    });
    const eventId = await database.db.transaction((tx) => publish(tx, 'test.doomed', {}));
    for (let i = 0; i < 3; i++) {
      await dispatcher.drain();
      clock.advance(60_000);
    }
    const [event] = await database.db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM kernel.outbox WHERE id = $1', [eventId]);
    assert.deepEqual(event, { status: 'failed', attempts: 2 });
  });
});
