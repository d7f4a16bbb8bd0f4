import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIONS_BY_STATUS, availableActions, describeAllowed, nextStatus, REPORT_ACTIONS, REPORT_STATUSES, statusFromLog } from './report-status.ts';

describe('the monthly report workflow (status → allowed actions)', () => {
  it('lets the unit draft and submit, and the standing agency return or accept', () => {
    assert.deepEqual(availableActions('not_started', 'unit'), ['save_draft', 'submit']);
    assert.deepEqual(availableActions('not_started', 'standing_agency'), []);
    assert.deepEqual(availableActions('submitted', 'unit'), [], 'submission locks the report');
    assert.deepEqual(availableActions('submitted', 'standing_agency'), ['return', 'accept']);
    assert.deepEqual(availableActions('returned', 'unit'), ['save_draft', 'submit']);
    assert.deepEqual(availableActions('accepted', 'unit'), []);
    assert.deepEqual(availableActions('accepted', 'standing_agency'), []);
    assert.deepEqual(availableActions('draft', 'reader'), []);
  });

  it('keeps a returned report "returned" while it is corrected', () => {
    assert.equal(nextStatus('returned', 'save_draft'), 'returned');
    assert.equal(nextStatus('returned', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'save_draft'), undefined);
  });

  it('derives the status from the action log and rejects a log the table forbids', () => {
    assert.equal(statusFromLog([]), 'not_started');
    assert.equal(statusFromLog([{ action: 'save_draft' }, { action: 'save_draft' }, { action: 'submit' }, { action: 'return' }, { action: 'save_draft' }, { action: 'submit' }, { action: 'accept' }]), 'accepted');
    assert.throws(() => statusFromLog([{ action: 'submit' }, { action: 'submit' }]), /action 2 \(submit\) is not allowed after status submitted/);
    assert.throws(() => statusFromLog([{ action: 'accept' }]), /not allowed after status not_started/);
  });

  it('covers every status and only known actions', () => {
    for (const status of REPORT_STATUSES) {
      for (const [action, to] of Object.entries(ACTIONS_BY_STATUS[status])) {
        assert.ok((REPORT_ACTIONS as readonly string[]).includes(action));
        assert.ok((REPORT_STATUSES as readonly string[]).includes(to as string));
      }
    }
  });

  it('says what is allowed, in Vietnamese and English', () => {
    assert.equal(describeAllowed('submitted', 'vi'), "'trả lại', 'tiếp nhận' hoặc 'xem'");
    assert.equal(describeAllowed('accepted', 'vi'), "'xem'");
    assert.equal(describeAllowed('draft', 'en'), "'save draft', 'submit' or 'view'");
  });
});
