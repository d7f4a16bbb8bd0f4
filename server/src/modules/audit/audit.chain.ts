/**
 * Hashes of the audit chain (pure functions).
 *
 * - entry hash = SHA-256 of the entry's canonical JSON (fixed field order, object keys sorted);
 * - batch Merkle root = RFC 6962 §2.1 tree hash over the entry hashes (leaf prefix 0x00, node prefix 0x01), so one
 *   entry can later be proven to be in a batch without revealing the others;
 * - batch hash = SHA-256 of "prev_hash|batch id|created_at|entry count|merkle root".
 */
import { createHash } from 'node:crypto';

export interface AuditRecord {
  occurredAt: Date;
  actorKind: string;
  actorId: string;
  actorRole: string;
  clientId: string | null;
  action: string;
  purpose: string;
  legalBasis: string;
  subjectPersonId: string | null;
  fields: string[];
  outcome: 'success' | 'denied' | 'not_found' | 'error';
  requestId: string | null;
  details: Record<string, unknown> | null;
}

export interface BatchHeader {
  id: number;
  createdAt: Date;
  entryCount: number;
  merkleRoot: string;
  prevHash: string;
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

export function entryHash(record: AuditRecord): string {
  const canonical = canonicalJson([
    record.occurredAt.toISOString(),
    record.actorKind,
    record.actorId,
    record.actorRole,
    record.clientId,
    record.action,
    record.purpose,
    record.legalBasis,
    record.subjectPersonId,
    record.fields,
    record.outcome,
    record.requestId,
    record.details,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

function treeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return createHash('sha256').update(LEAF).update(leaves[0]!).digest();
  // RFC 6962: split at the largest power of two smaller than n.
  let split = 1;
  while (split * 2 < leaves.length) split *= 2;
  return createHash('sha256').update(NODE).update(treeHash(leaves.slice(0, split))).update(treeHash(leaves.slice(split))).digest();
}

export function merkleRoot(entryHashes: string[]): string {
  if (entryHashes.length === 0) throw new Error('a batch has at least one entry');
  return treeHash(entryHashes.map((hash) => Buffer.from(hash, 'hex'))).toString('hex');
}

export function batchHash(header: BatchHeader): string {
  return createHash('sha256')
    .update(`${header.prevHash}|${header.id}|${header.createdAt.toISOString()}|${header.entryCount}|${header.merkleRoot}`)
    .digest('hex');
}
