import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignmentFor, resolveSuccessor, responsibleUnit, type SuccessionLink } from './unit-succession.ts';

const link = (predecessorId: string, successorId: string, effectiveOn: string, kind: SuccessionLink['kind'] = 'merged_into', confirmed = true): SuccessionLink => ({
  predecessorId,
  successorId,
  effectiveOn,
  kind,
  confirmed,
});

describe('who answers for a model after the 2025 reorganisation', () => {
  it('follows a confirmed rename or merger from its effective date', () => {
    const links = [link('vhtt', 'vhkhtt', '2025-03-01')];
    assert.deepEqual(resolveSuccessor('vhtt', '2025-02-28', links), { unitId: 'vhtt', path: ['vhtt'], awaitingReassignment: false });
    assert.deepEqual(resolveSuccessor('vhtt', '2025-03-01', links), { unitId: 'vhkhtt', path: ['vhtt', 'vhkhtt'], awaitingReassignment: false });
  });

  it('ignores proposed (unconfirmed) successions', () => {
    assert.equal(resolveSuccessor('vhtt', '2026-01-01', [link('vhtt', 'vhkhtt', '2025-03-01', 'merged_into', false)]).unitId, 'vhtt');
  });

  it('follows chains and stops at a split, which needs a reassignment', () => {
    const links = [link('a', 'b', '2025-03-01', 'renamed'), link('b', 'c', '2025-07-01', 'absorbed_by'), link('ld', 'nv', '2025-03-01', 'split_into'), link('ld', 'yt', '2025-03-01', 'split_into')];
    assert.equal(resolveSuccessor('a', '2025-08-01', links).unitId, 'c');
    assert.deepEqual(resolveSuccessor('ld', '2025-08-01', links), { unitId: 'ld', path: ['ld'], awaitingReassignment: true });
  });

  it('does not loop on a cycle in bad data', () => {
    const links = [link('a', 'b', '2025-01-01'), link('b', 'a', '2025-02-01')];
    assert.equal(resolveSuccessor('a', '2025-06-01', links).awaitingReassignment, true);
  });

  it('uses the lead assignment in force for the month and the unit in charge when the report falls due', () => {
    const assignments = [
      { unitId: 'vhtt', validFrom: '2023-08' },
      { unitId: 'ca', validFrom: '2024-05' },
    ];
    assert.equal(assignmentFor(assignments, '2023-07'), undefined);
    assert.equal(assignmentFor(assignments, '2024-04')?.unitId, 'vhtt');
    assert.equal(assignmentFor(assignments, '2024-05')?.unitId, 'ca');
    const links = [link('vhtt', 'vhkhtt', '2025-03-01')];
    const only = [{ unitId: 'vhtt', validFrom: '2023-08' }];
    // The January 2025 report is due by 11 February 2025: the old office. February's is due by 11 March: the new one.
    assert.equal(responsibleUnit(only, links, '2025-01')?.unitId, 'vhtt');
    assert.equal(responsibleUnit(only, links, '2025-02')?.unitId, 'vhkhtt');
  });
});
