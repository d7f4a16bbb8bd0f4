import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, type TestDatabase } from '../../../test/support.ts';
import { insertEstablishment, insertNotices, type NoticeBundle } from './presence.repository.ts';

describe('notices written in one statement', () => {
  let database: TestDatabase;
  const at = new Date('2026-11-27T03:00:00Z');
  before(async () => {
    database = await openTestDatabase();
    await insertEstablishment(database.db, {
      id: 'CS-13324-0000000A',
      kind: 'hotel',
      name: 'Khách sạn thử',
      address: 'x',
      ward_code: '13324',
      police_ward_code: '13324',
      capacity: null,
      remote_area: false,
      status: 'approved',
      owner_account_id: null,
      created_at: at,
      created_by: 'test',
    });
  });
  after(() => database.drop());

  function bundle(requestId: string, receiptCode: string): NoticeBundle {
    return {
      notice: { id: randomUUID(), receiptCode, establishmentId: 'CS-13324-0000000A', wardCode: '13324', submittedBy: 'tablet', clientRequestId: requestId, submittedAt: at, trip: null },
      stays: [
        {
          id: randomUUID(),
          person_id: '035090000001',
          guest_name: 'Nguyễn Văn An',
          birth_date: '1990-01-01',
          sex: 'male',
          nationality: 'VNM',
          passport_number: null,
          visa_number: null,
          entry_date: null,
          room: '101',
          reason: null,
          arrival_at: at,
          expected_departure_at: null,
          deadline_at: at,
          late: false,
          verified: true,
        },
      ],
      alerts: [],
      notifyPayloads: [],
    };
  }

  it('writes several notices at once, and a copy of a request in the same statement writes nothing', async () => {
    const results = await insertNotices(database.db, [bundle('req-a', 'LT-A'), bundle('req-b', 'LT-B'), bundle('req-a', 'LT-A2')]);
    assert.deepEqual(results, [true, true, false]);
    const [counts] = await database.db.query<{ notices: number; stays: number }>('SELECT (SELECT count(*) FROM presence.stay_notice)::int AS notices, (SELECT count(*) FROM presence.stay)::int AS stays');
    assert.deepEqual(counts, { notices: 2, stays: 2 });
  });

  it('writes nothing for a notice whose receipt code is taken, so that the service can draw another', async () => {
    const [taken] = await insertNotices(database.db, [bundle('req-c', 'LT-B')]);
    assert.equal(taken, false);
    const [retried] = await insertNotices(database.db, [bundle('req-c', 'LT-C')]);
    assert.equal(retried, true);
    const [counts] = await database.db.query<{ stays: number }>('SELECT count(*)::int AS stays FROM presence.stay');
    assert.equal(counts!.stays, 3);
  });
});
