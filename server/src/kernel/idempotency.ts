/**
 * Idempotent state changes: every state-changing request carries a client `requestId`; the first answer is stored
 * with the change, in the same transaction, and a retry gets that answer back without doing the work again.
 *
 * Rules:
 * - the key is (actor, requestId): two users cannot collide, and one user's retry always finds its own answer;
 * - reusing a requestId for a different operation is a 409 conflict, never a silent replay;
 * - two copies of one request racing each other: the second one's insert of the answer fails on the primary key,
 *   its transaction (work included) rolls back, and it returns the answer the first one stored.
 */
import type { Database, Queryable } from './db.ts';
import { DomainError, KernelErrors } from './errors.ts';

export interface IdempotentResult<T> {
  result: T;
  /** True when this is a retry answered from the stored result. */
  replayed: boolean;
}

interface StoredRow {
  operation: string;
  result: unknown;
}

async function findStored(db: Queryable, actorId: string, requestId: string): Promise<StoredRow | undefined> {
  const [row] = await db.query<StoredRow>('SELECT operation, result FROM kernel.request_result WHERE actor_id = $1 AND request_id = $2', [actorId, requestId]);
  return row;
}

function replay<T>(stored: StoredRow, operation: string): IdempotentResult<T> {
  if (stored.operation !== operation) {
    throw new DomainError(KernelErrors.CONFLICT, { reason: `requestId đã dùng cho thao tác khác / requestId already used for another operation (${stored.operation})` });
  }
  return { result: stored.result as T, replayed: true };
}

export async function runIdempotent<T>(
  db: Database,
  key: { actorId: string; requestId: string; operation: string },
  work: (tx: Queryable) => Promise<T>,
): Promise<IdempotentResult<T>> {
  const earlier = await findStored(db, key.actorId, key.requestId);
  if (earlier) return replay<T>(earlier, key.operation);
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      await tx.query('INSERT INTO kernel.request_result (actor_id, request_id, operation, status, result) VALUES ($1, $2, $3, 200, $4)', [
        key.actorId,
        key.requestId,
        key.operation,
        JSON.stringify(result ?? null),
      ]);
      return { result, replayed: false };
    });
  } catch (error) {
    if ((error as { code?: string; constraint?: string }).constraint === 'request_result_pk') {
      const winner = await findStored(db, key.actorId, key.requestId);
      if (winner) return replay<T>(winner, key.operation);
    }
    throw error;
  }
}
