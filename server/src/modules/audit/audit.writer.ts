/**
 * The batching audit writer.
 *
 * Callers await `record(entry)`; the promise resolves only when the entry is committed (durable), so a request that
 * must be audited is answered after its entry is on disk. Entries arriving while a batch is being written wait for
 * the next batch, and a batch is written as soon as the previous one commits (or `flushMs` after its first entry,
 * or when it reaches `maxBatch` entries). Under load this turns thousands of small transactions that would all
 * queue on the chain head into a few large ones: one statement (one round trip) per batch, chained by a
 * compare-and-set on the head (audit.repository.ts).
 */
import type { Clock } from '../../kernel/clock.ts';
import type { Database } from '../../kernel/db.ts';
import type { Logger } from '../../kernel/logger.ts';
import type { AuditRecord } from './audit.chain.ts';
import { appendBatch, type ChainHead } from './audit.repository.ts';

interface Pending {
  record: AuditRecord;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface AuditWriter {
  write(record: AuditRecord): Promise<void>;
  /** Writes everything pending now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function createAuditWriter(options: { db: Database; clock: Clock; logger: Logger; flushMs: number; maxBatch?: number }): AuditWriter {
  const maxBatch = options.maxBatch ?? 2000;
  let queue: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let closed = false;
  // The head this writer last appended; usually still the head, which saves reading it before each batch.
  let head: ChainHead | undefined;

  async function writeQueued(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        head = await appendBatch(
          options.db,
          batch.map((item) => item.record),
          options.clock.now(),
          head,
        );
        for (const item of batch) item.resolve();
      } catch (error) {
        head = undefined;
        options.logger.error({ err: error, entries: batch.length }, 'audit batch failed');
        for (const item of batch) item.reject(error as Error);
      }
    }
  }

  function startWriting(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    writing ??= writeQueued().finally(() => {
      writing = undefined;
      // Entries that arrived during the last write are picked up by the loop; this covers a race at its very end.
      if (queue.length > 0) startWriting();
    });
    return writing;
  }

  return {
    write(record) {
      if (closed) return Promise.reject(new Error('the audit writer is closed'));
      return new Promise<void>((resolve, reject) => {
        queue.push({ record, resolve, reject });
        if (writing) return; // the running loop takes it next
        if (queue.length >= maxBatch || options.flushMs === 0) void startWriting();
        else timer ??= setTimeout(() => void startWriting(), options.flushMs);
      });
    },
    async flush() {
      if (queue.length > 0) await startWriting();
      else await writing;
    },
    async close() {
      closed = true;
      await this.flush();
    },
  };
}
