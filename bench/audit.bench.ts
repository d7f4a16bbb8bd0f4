/**
 * Audit log throughput on PostgreSQL: batched writer against one entry per transaction, same workload, same run.
 *
 *   npm run bench -- audit [--entries 20000] [--concurrency 50]
 *
 * Workload: `concurrency` request handlers each awaiting the durable write of one audit entry at a time (as a request
 * that must be audited does), until `entries` entries are written. Both variants keep the hash chain.
 */
import { parseArgs } from 'node:util';
import type { Actor } from '../server/src/kernel/auth.ts';
import { createModules } from '../server/src/modules.ts';
import { appendAuditBatch, type AuditRecord } from '../server/src/modules/audit/index.ts';
import { benchKernel, freshDatabase, line, throughput } from './support.ts';

const actor: Actor = { kind: 'user', id: 'bench-officer', roles: ['police'], wards: ['13324'], scopes: [] };

function recordFor(index: number): AuditRecord {
  return {
    occurredAt: new Date(),
    actorKind: actor.kind,
    actorId: actor.id,
    actorRole: 'police',
    clientId: null,
    action: 'registry.verification.check',
    purpose: 'stay_notice',
    legalBasis: 'Luật Cư trú 68/2020/QH14, Điều 30',
    subjectPersonId: `035${String(100_000_000 + index).slice(-9)}`,
    fields: ['fullName', 'personId'],
    outcome: 'success',
    requestId: `bench-${index}`,
    details: null,
  };
}

export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { entries: { type: 'string', default: '20000' }, concurrency: { type: 'string', default: '50' } } });
  const entries = Number(values.entries);
  const concurrency = Number(values.concurrency);
  const database = await freshDatabase('audit');
  const { kernel, close } = await benchKernel(database.url, { DATABASE_POOL_SIZE: '20' });
  try {
    line('workload', `${entries} entries, ${concurrency} concurrent writers, PostgreSQL pool 20`);

    // The design batching replaces: each request appends its own entry in its own transaction, holding the chain
    // head's row lock while it does.
    const single = await throughput(entries / 4, concurrency, async (index) => {
      await kernel.db.transaction(async (tx) => {
        const [head] = await tx.query<{ last_batch_id: number; last_hash: string }>('SELECT last_batch_id, last_hash FROM audit.chain_head WHERE id = 1 FOR UPDATE');
        await appendAuditBatch(tx, [recordFor(index)], new Date(), { batchId: head!.last_batch_id, hash: head!.last_hash });
      });
    });
    line('one entry per transaction (chain lock per entry)', single.perSecond, 'entries/s');

    const { services, modules } = createModules(kernel);
    const batched = await throughput(entries, concurrency, async (index) => {
      const record = recordFor(index);
      await services.audit.record({
        actor,
        action: record.action,
        purpose: record.purpose,
        legalBasis: record.legalBasis,
        subjectPersonId: record.subjectPersonId ?? undefined,
        fields: record.fields,
        requestId: record.requestId ?? undefined,
      });
    });
    line('batched writer (AUDIT_FLUSH_MS=4)', batched.perSecond, 'entries/s');
    const [stats] = await kernel.db.query<{ batches: number; average: number }>('SELECT count(*) AS batches, avg(entry_count)::float8 AS average FROM audit.batch');
    line('batches written (both variants)', stats!.batches);
    const ratio = batched.perSecond / single.perSecond;
    line('speed-up of batching', ratio, '×');

    const verified = await services.audit.verify();
    line('chain verification', verified.ok ? `ok, ${verified.entries} entries` : `BROKEN: ${verified.reason}`);
    for (const module of modules) await module.stop?.();
    return {
      entries,
      concurrency,
      singleEntriesPerSecond: Math.round(single.perSecond),
      batchedEntriesPerSecond: Math.round(batched.perSecond),
      speedup: Number(ratio.toFixed(2)),
      chainOk: verified.ok,
    };
  } finally {
    await close();
    await database.drop();
  }
}
