import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLate, stayDeadline } from './stay-deadline.ts';

const at = (local: string) => new Date(`${local}+07:00`);

describe('Luật Cư trú 2020 Điều 30: notice before 23:00, or before 08:00 next day after 23:00', () => {
  it('gives a guest arriving during the day until 23:00 that day', () => {
    assert.deepEqual(stayDeadline({ arrivalAt: at('2026-03-01T09:15:00'), foreigner: false }), at('2026-03-01T23:00:00'));
    assert.deepEqual(stayDeadline({ arrivalAt: at('2026-03-01T00:05:00'), foreigner: false }), at('2026-03-01T23:00:00'));
    assert.deepEqual(stayDeadline({ arrivalAt: at('2026-03-01T22:59:59'), foreigner: false }), at('2026-03-01T23:00:00'));
  });

  it('gives a guest arriving at or after 23:00 until 08:00 the next day, across month and year ends', () => {
    assert.deepEqual(stayDeadline({ arrivalAt: at('2026-03-01T23:00:00'), foreigner: false }), at('2026-03-02T08:00:00'));
    assert.deepEqual(stayDeadline({ arrivalAt: at('2026-02-28T23:40:00'), foreigner: false }), at('2026-03-01T08:00:00'));
    assert.deepEqual(stayDeadline({ arrivalAt: at('2026-12-31T23:59:00'), foreigner: false }), at('2027-01-01T08:00:00'));
  });

  it('reads the wall clock in Vietnam, whatever the server’s time zone', () => {
    // 16:30 UTC is 23:30 in Hà Nội.
    assert.deepEqual(stayDeadline({ arrivalAt: new Date('2026-03-01T16:30:00Z'), foreigner: false }), at('2026-03-02T08:00:00'));
  });

  it('marks a notice at the deadline or after it late', () => {
    const deadline = at('2026-03-01T23:00:00');
    assert.equal(isLate(at('2026-03-01T22:59:59'), deadline), false);
    assert.equal(isLate(at('2026-03-01T23:00:00'), deadline), true);
  });
});

describe('Luật 47/2014/QH13 Điều 33: foreigners declared within 12 hours (24 in remote areas)', () => {
  it('counts 12 hours from arrival', () => {
    assert.deepEqual(stayDeadline({ arrivalAt: at('2026-03-01T23:30:00'), foreigner: true }), at('2026-03-02T11:30:00'));
    assert.deepEqual(stayDeadline({ arrivalAt: at('2026-03-01T08:00:00'), foreigner: true, remoteArea: true }), at('2026-03-02T08:00:00'));
  });
});
