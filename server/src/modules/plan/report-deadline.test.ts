import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, isLate, lastOnTimeDay, monthBounds, monthLabel, monthOf, monthsBetween, reportDueAt } from './report-deadline.ts';

describe('the monthly report is due before the 12th (plan section V.3), Vietnam time', () => {
  it('puts the deadline of month M at 00:00 on the 12th of M+1, UTC+07:00', () => {
    assert.equal(reportDueAt('2026-10').toISOString(), '2026-11-11T17:00:00.000Z');
    assert.equal(reportDueAt('2026-12').toISOString(), '2027-01-11T17:00:00.000Z', 'December is due in January of the next year');
    assert.equal(lastOnTimeDay('2026-10'), '2026-11-11');
  });

  it('is on time up to 23:59:59 on the 11th and late from midnight', () => {
    assert.equal(isLate(new Date('2026-11-11T16:59:59.999Z'), '2026-10'), false, '23:59:59.999 on the 11th in Hà Nội');
    assert.equal(isLate(new Date('2026-11-11T17:00:00.000Z'), '2026-10'), true, '00:00 on the 12th in Hà Nội');
    assert.equal(isLate(new Date('2026-11-11T20:00:00.000Z'), '2026-10'), true, 'still the 11th in UTC, already the 12th in Vietnam');
    assert.equal(isLate(new Date('2026-10-20T03:00:00Z'), '2026-10'), false, 'reporting during the month is on time');
  });

  it('does month arithmetic across years', () => {
    assert.equal(addMonths('2023-08', 5), '2024-01');
    assert.equal(addMonths('2024-01', -1), '2023-12');
    assert.equal(addMonths('2026-11', -14), '2025-09');
    assert.deepEqual(monthsBetween('2023-11', '2024-02'), ['2023-11', '2023-12', '2024-01', '2024-02']);
    assert.deepEqual(monthBounds('2024-02'), { first: '2024-02-01', last: '2024-02-29' });
    assert.equal(monthLabel('2026-03'), '3/2026');
    assert.throws(() => addMonths('2026-13', 1), /not a month/);
  });

  it('takes the month of an instant in Vietnam, not in UTC', () => {
    assert.equal(monthOf(new Date('2026-10-31T17:30:00Z')), '2026-11');
    assert.equal(monthOf(new Date('2026-10-31T16:59:00Z')), '2026-10');
  });
});
