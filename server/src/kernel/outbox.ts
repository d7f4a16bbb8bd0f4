/**
 * Events between modules: a transactional outbox and an in-process dispatcher.
 *
 * Rules:
 * - `publish(tx, ...)` writes the event in the caller's transaction: the event exists if and only if the change did;
 * - the dispatcher claims pending events with `FOR UPDATE SKIP LOCKED`, so several processes share the work;
 * - each handler runs in the claiming transaction under its own savepoint, together with its delivery record, so a
 *   handler's database writes happen exactly once and one failing handler does not undo another;
 * - a new event is due at once; a failed event is retried with exponential backoff (1 s, 2 s, 4 s … capped at 5 min) and parked as `failed`
 *   after `maxAttempts`; handlers with side effects outside the database must be idempotent by event id.
 */
import type { Clock } from './clock.ts';
import type { Database, Queryable } from './db.ts';
import type { Logger } from './logger.ts';

export interface OutboxEvent<P = unknown> {
  id: number;
  topic: string;
  key: string | null;
  payload: P;
  createdAt: Date;
  attempts: number;
}

export type EventHandler<P = unknown> = (event: OutboxEvent<P>, tx: Queryable) => Promise<void>;

export async function publish(tx: Queryable, topic: string, payload: unknown, key?: string): Promise<number> {
  const [row] = await tx.query<{ id: number }>('INSERT INTO kernel.outbox (topic, key, payload) VALUES ($1, $2, $3) RETURNING id', [
    topic,
    key ?? null,
    JSON.stringify(payload),
  ]);
  return row!.id;
}

export interface OutboxDispatcher {
  /** Registers a handler; `name` must be stable across releases (it keys the delivery record). */
  subscribe<P>(topic: string, name: string, handler: EventHandler<P>): void;
  start(): void;
  stop(): Promise<void>;
  /** Processes every due event now; resolves with how many events were handled. For tests and the CLI. */
  drain(): Promise<number>;
  /** Asks for a pass soon (after a commit that published events). */
  nudge(): void;
}

interface EventRow {
  id: number;
  topic: string;
  key: string | null;
  payload: unknown;
  created_at: Date;
  attempts: number;
}

export function createOutboxDispatcher(options: {
  db: Database;
  logger: Logger;
  clock: Clock;
  pollMs?: number;
  batchSize?: number;
  maxAttempts?: number;
}): OutboxDispatcher {
  const { db, logger } = options;
  const pollMs = options.pollMs ?? 500;
  const batchSize = options.batchSize ?? 100;
  const maxAttempts = options.maxAttempts ?? 10;
  const handlers = new Map<string, Array<{ name: string; handler: EventHandler }>>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function processBatch(): Promise<number> {
    return db.transaction(async (tx) => {
      const events = await tx.query<EventRow>(
        `SELECT id, topic, key, payload, created_at, attempts FROM kernel.outbox
          WHERE status = 'pending' AND (attempts = 0 OR available_at <= $1)
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [options.clock.now(), batchSize],
      );
      for (const row of events) {
        const event: OutboxEvent = { id: row.id, topic: row.topic, key: row.key, payload: row.payload, createdAt: row.created_at, attempts: row.attempts };
        const failures: string[] = [];
        for (const { name, handler } of handlers.get(row.topic) ?? []) {
          await tx.query('SAVEPOINT outbox_handler');
          try {
            const claimed = await tx.run('INSERT INTO kernel.outbox_delivery (event_id, handler) VALUES ($1, $2) ON CONFLICT DO NOTHING', [row.id, name]);
            if (claimed === 1) await handler(event, tx);
            await tx.query('RELEASE SAVEPOINT outbox_handler');
          } catch (error) {
            await tx.query('ROLLBACK TO SAVEPOINT outbox_handler');
            failures.push(`${name}: ${(error as Error).message}`);
            logger.warn({ eventId: row.id, topic: row.topic, handler: name, err: error }, 'outbox handler failed');
          }
        }
        if (failures.length === 0) {
          await tx.query(`UPDATE kernel.outbox SET status = 'delivered', delivered_at = $2, attempts = attempts + 1 WHERE id = $1`, [row.id, options.clock.now()]);
        } else {
          const attempts = row.attempts + 1;
          const delayMs = Math.min(1000 * 2 ** (attempts - 1), 5 * 60_000);
          await tx.query(`UPDATE kernel.outbox SET attempts = $2, last_error = $3, available_at = $4, status = $5 WHERE id = $1`, [
            row.id,
            attempts,
            failures.join('; ').slice(0, 2000),
            new Date(options.clock.now().getTime() + delayMs),
            attempts >= maxAttempts ? 'failed' : 'pending',
          ]);
        }
      }
      return events.length;
    });
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await processBatch();
      total += handled;
      if (handled < batchSize) return total;
    }
  }

  function run(): Promise<number> {
    running ??= drainOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      run()
        .catch((error: unknown) => logger.error({ err: error }, 'outbox dispatch failed'))
        .finally(() => schedule(pollMs));
    }, delay);
    timer.unref();
  }

  return {
    subscribe(topic, name, handler) {
      const list = handlers.get(topic) ?? [];
      if (list.some((entry) => entry.name === name)) throw new Error(`outbox handler ${name} is subscribed twice to ${topic}`);
      list.push({ name, handler: handler as EventHandler });
      handlers.set(topic, list);
    },
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
    async drain() {
      await running?.catch(() => undefined);
      return run();
    },
    nudge() {
      schedule(0);
    },
  };
}
