import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { batchHash, entryHash, merkleRoot, type AuditRecord } from './audit.chain.ts';

const record: AuditRecord = {
  occurredAt: new Date('2026-05-01T01:02:03.004Z'),
  actorKind: 'user',
  actorId: 'u-1',
  actorRole: 'police',
  clientId: null,
  action: 'registry.resident.read',
  purpose: 'police_inquiry',
  legalBasis: 'Luật Cư trú 2020',
  subjectPersonId: '035090001234',
  fields: ['fullName', 'birthDate'],
  outcome: 'success',
  requestId: 'r-1',
  details: { b: 1, a: [1, 2] },
};

const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

describe('audit chain hashes', () => {
  it('hash an entry independently of object key order', () => {
    assert.equal(entryHash(record), entryHash({ ...record, details: { a: [1, 2], b: 1 } }));
  });

  it('change the entry hash when any field changes', () => {
    const base = entryHash(record);
    assert.notEqual(entryHash({ ...record, purpose: 'stay_notice' }), base);
    assert.notEqual(entryHash({ ...record, fields: ['fullName'] }), base);
    assert.notEqual(entryHash({ ...record, occurredAt: new Date('2026-05-01T01:02:03.005Z') }), base);
    assert.notEqual(entryHash({ ...record, subjectPersonId: null }), base);
  });

  it('compute the RFC 6962 Merkle tree hash', () => {
    const leaves = ['aa', 'bb', 'cc'].map((hex) => Buffer.from(hex.repeat(32), 'hex'));
    const leaf = (data: Buffer) => sha(Buffer.from([0]), data);
    const node = (left: Buffer, right: Buffer) => sha(Buffer.from([1]), left, right);
    // n = 3 splits at k = 2: MTH(d0..d2) = node(node(leaf0, leaf1), leaf2)
    const expected = node(node(leaf(leaves[0]!), leaf(leaves[1]!)), leaf(leaves[2]!)).toString('hex');
    assert.equal(merkleRoot(leaves.map((buffer) => buffer.toString('hex'))), expected);
    assert.equal(merkleRoot([leaves[0]!.toString('hex')]), leaf(leaves[0]!).toString('hex'));
  });

  it('chain a batch to its predecessor', () => {
    const header = { id: 2, createdAt: new Date('2026-05-01T00:00:00Z'), entryCount: 3, merkleRoot: 'ab', prevHash: 'cd' };
    assert.notEqual(batchHash(header), batchHash({ ...header, prevHash: 'ce' }));
    assert.notEqual(batchHash(header), batchHash({ ...header, entryCount: 2 }));
  });
});
