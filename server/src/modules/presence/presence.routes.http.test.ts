import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem } from '../../../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';
import { formatCardQr, seedTown } from '../registry/index.ts';

const TODAY = '2026-11-27';
const at = (local: string) => `${local}+07:00`;

interface Resident {
  person_id: string;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  permanent_address: string;
  old_id: string | null;
  issue_date: string;
}

describe('stays and entries over HTTP', () => {
  let platform: TestPlatform;
  let police: string;
  let otherPolice: string;
  let hotel: { id: string; token: string };
  let otherHotel: { id: string; token: string };
  let bus: { id: string; token: string };
  let site: { id: string; token: string };
  let residents: Resident[];
  let wanted: Resident;
  let request = 0;
  const nextRequestId = () => `req-${String(++request).padStart(6, '0')}`;

  const headers = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, token: string, payload: unknown) => platform.app.inject({ method: 'POST', url: `/api/v1/presence${url}`, headers: headers(token), payload: payload as object });
  const get = (url: string, token: string) => platform.app.inject({ method: 'GET', url: `/api/v1/presence${url}`, headers: headers(token) });
  const qr = (person: Resident) =>
    formatCardQr({ personId: person.person_id, oldId: person.old_id, fullName: person.full_name, birthDate: person.birth_date, sex: person.sex, address: person.permanent_address, issueDate: person.issue_date });

  async function establishment(kind: string, ward: string, role: 'host' | 'checkpoint_operator') {
    const created = await post('/establishments', ward === '13324' ? police : otherPolice, { requestId: nextRequestId(), kind, name: `${kind} ${ward}`, address: `Tổ dân phố số 2, phường ${ward}`, wardCode: ward, capacity: 40 });
    assert.equal(created.statusCode, 200, created.body);
    const { id } = created.json();
    return { id: id as string, token: await platform.token(role, { sub: `operator-${id}`, establishmentId: id }) };
  }

  before(async () => {
    platform = await createTestPlatform();
    platform.clock.set(at('2026-11-27T14:00:00'));
    await seedTown(platform.kernel.db, { residents: 1500, seed: 11, today: TODAY });
    police = await platform.token('police', { sub: 'officer-duy-tien', wards: ['13324'] });
    otherPolice = await platform.token('police', { sub: 'officer-duy-tan', wards: ['13330'] });
    hotel = await establishment('hotel', '13324', 'host');
    otherHotel = await establishment('guesthouse', '13330', 'host');
    bus = await establishment('bus_operator', '13324', 'host');
    site = await establishment('tourist_site', '13324', 'checkpoint_operator');
    residents = await platform.kernel.db.query<Resident>(
      `SELECT p.person_id, p.full_name, p.birth_date, p.sex, p.permanent_address, p.old_ids[1] AS old_id, c.issue_date
         FROM registry.person p JOIN registry.id_card c ON c.person_id = p.person_id AND c.status = 'active' AND c.card_type <> 'CMND'
        WHERE p.status = 'living' AND (c.expiry_date IS NULL OR c.expiry_date > '${TODAY}') AND p.person_id NOT IN (SELECT person_id FROM registry.wanted_person)
        ORDER BY p.person_id LIMIT 40`,
    );
    wanted = residents.pop()!;
    const added = await platform.app.inject({ method: 'POST', url: '/api/v1/registry/wanted', headers: headers(police), payload: { requestId: 'wanted-for-presence', personId: wanted.person_id, reasonCode: 'WANTED_FUGITIVE' } });
    assert.equal(added.statusCode, 200, added.body);
  });
  after(() => platform.close());

  describe('Luật Cư trú 2020 Điều 30 deadlines, in Asia/Ho_Chi_Minh', () => {
    it('is on time before 23:00 on the arrival day', async () => {
      platform.clock.set(at('2026-11-27T22:30:00'));
      const response = await post('/stay-notices', hotel.token, { requestId: nextRequestId(), arrivalAt: at('2026-11-27T20:10:00'), expectedDepartureAt: at('2026-11-29T12:00:00'), room: '201', guests: [{ qr: qr(residents[0]!) }] });
      assert.equal(response.statusCode, 200, response.body);
      const receipt = response.json();
      assert.equal(receipt.guests[0].deadlineAt, new Date(at('2026-11-27T23:00:00')).toISOString());
      assert.equal(receipt.guests[0].late, false);
      assert.match(receipt.receiptCode, /^LT13324-20261127-[0-9A-HJKMNP-TV-Z]{8}$/);
      assert.equal(receipt.guests[0].name, residents[0]!.full_name);
    });

    it('gives an arrival after 23:00 until 08:00 the next morning, and marks a later notice late but accepts it', async () => {
      platform.clock.set(at('2026-11-28T07:55:00'));
      const onTime = (await post('/stay-notices', hotel.token, { requestId: nextRequestId(), arrivalAt: at('2026-11-27T23:20:00'), expectedDepartureAt: at('2026-11-28T12:00:00'), guests: [{ qr: qr(residents[1]!) }] })).json();
      assert.equal(onTime.guests[0].deadlineAt, new Date(at('2026-11-28T08:00:00')).toISOString());
      assert.equal(onTime.guests[0].late, false);
      platform.clock.set(at('2026-11-28T08:05:00'));
      const late = (await post('/stay-notices', hotel.token, { requestId: nextRequestId(), arrivalAt: at('2026-11-27T23:40:00'), expectedDepartureAt: at('2026-11-28T12:00:00'), guests: [{ qr: qr(residents[2]!) }] })).json();
      assert.equal(late.guests[0].late, true);
      assert.equal(late.lateCount, 1);
    });

    it('gives foreigners 12 hours (Luật 47/2014/QH13 Điều 33)', async () => {
      platform.clock.set(at('2026-11-28T09:00:00'));
      const foreigner = { foreigner: { passportNumber: 'K1234567', nationality: 'KOR', fullName: 'KIM MIN JUN', birthDate: '1990-04-02', sex: 'male', visaNumber: 'EV-001', entryDate: '2026-11-27' } };
      const receipt = (await post('/stay-notices', hotel.token, { requestId: nextRequestId(), arrivalAt: at('2026-11-27T22:00:00'), expectedDepartureAt: at('2026-11-30T12:00:00'), room: '305', reason: 'tourism', guests: [foreigner] })).json();
      assert.equal(receipt.guests[0].deadlineAt, new Date(at('2026-11-28T10:00:00')).toISOString());
      assert.equal(receipt.guests[0].late, false);
      assert.equal(receipt.guests[0].name, 'KIM MIN JUN');
    });
  });

  describe('idempotent submissions', () => {
    it('answers a retry with the first receipt and never doubles a stay, even when the copies race', async () => {
      platform.clock.set(at('2026-11-28T10:00:00'));
      const body = { requestId: 'tablet-7-offline-0001', arrivalAt: at('2026-11-28T09:30:00'), expectedDepartureAt: at('2026-11-29T12:00:00'), room: '102', guests: [{ qr: qr(residents[3]!) }, { qr: qr(residents[4]!) }] };
      const [a, b, c] = await Promise.all([post('/stay-notices', hotel.token, body), post('/stay-notices', hotel.token, body), post('/stay-notices', hotel.token, body)]);
      const receipts = [a!.json(), b!.json(), c!.json()];
      assert.equal(new Set(receipts.map((receipt) => receipt.receiptCode)).size, 1);
      const [count] = await platform.kernel.db.query<{ notices: number; stays: number }>(
        `SELECT count(DISTINCT n.id)::int AS notices, count(s.id)::int AS stays FROM presence.stay_notice n JOIN presence.stay s ON s.notice_id = n.id WHERE n.client_request_id = 'tablet-7-offline-0001'`,
      );
      assert.deepEqual(count, { notices: 1, stays: 2 });
      const again = (await post('/stay-notices', hotel.token, body)).json();
      assert.equal(again.replayed, true);
      assert.equal(again.receiptCode, receipts[0].receiptCode);
      // Resent 40 days later, past the arrival window a new notice would have: the first receipt still comes back.
      platform.clock.set(at('2027-01-07T10:00:00'));
      const muchLater = (await post('/stay-notices', hotel.token, body)).json();
      platform.clock.set(at('2026-11-28T10:00:00'));
      assert.equal(muchLater.receiptCode, receipts[0].receiptCode);
      const mine = (await get('/my/notices?pageSize=50', hotel.token)).json();
      assert.ok(mine.some((notice: { receiptCode: string; guestCount: number }) => notice.receiptCode === receipts[0].receiptCode && notice.guestCount === 2));
    });
  });

  describe('wanted-person alerts', () => {
    it('reaches the connected police screen within a second, and the operator’s receipt shows nothing of it', async () => {
      platform.clock.set(at('2026-11-28T11:00:00'));
      const address = await platform.app.listen({ host: '127.0.0.1', port: 0 });
      const controller = new AbortController();
      const stream = await fetch(`${address}/api/v1/presence/alerts/stream`, { headers: headers(police), signal: controller.signal });
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers.get('content-type')), /text\/event-stream/);
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      const firstAlert = (async () => {
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += decoder.decode(value);
          const match = /event: alert\ndata: (.*)\n/.exec(buffer);
          if (match) return JSON.parse(match[1]!) as { personId: string; ruleId: string; establishmentId: string };
        }
      })();
      const started = Date.now();
      const response = await fetch(`${address}/api/v1/presence/stay-notices`, {
        method: 'POST',
        headers: { ...headers(hotel.token), 'content-type': 'application/json' },
        body: JSON.stringify({ requestId: nextRequestId(), arrivalAt: at('2026-11-28T10:50:00'), expectedDepartureAt: at('2026-11-29T10:00:00'), room: '404', guests: [{ qr: qr(residents[5]!) }, { qr: qr(wanted) }] }),
      });
      const receiptText = await response.text();
      assert.equal(response.status, 200, receiptText);
      const alert = await Promise.race([firstAlert, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no alert within 1 s')), 1000))]);
      assert.ok(Date.now() - started < 1000);
      assert.deepEqual({ personId: alert.personId, ruleId: alert.ruleId, establishmentId: alert.establishmentId }, { personId: wanted.person_id, ruleId: 'wanted-person', establishmentId: hotel.id });
      assert.doesNotMatch(receiptText, /WANTED|wanted|alert|truy/i, 'the operator sees nothing of the alert');
      assert.equal(JSON.parse(receiptText).guests[1].name, wanted.full_name);
      controller.abort();

      const listed = (await get('/alerts?unacknowledged=true', police)).json();
      assert.ok(listed.some((item: { personId: string; reason: string }) => item.personId === wanted.person_id && item.reason === 'WANTED_FUGITIVE'));
      assert.equal((await get('/alerts', otherPolice)).json().length, 0, 'another ward’s police do not see it');
      await platform.services.audit.flush();
      const [audited] = await platform.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.entry WHERE action = 'presence.alert.raise' AND subject_person_id = $1`, [wanted.person_id]);
      assert.equal(audited!.n, 1);
    });

    it('raises alerts from rules added as data, without code', async () => {
      const rule = await post('/alert-rules', police, {
        requestId: nextRequestId(),
        id: 'foreigner-at-night',
        nameVi: 'Người nước ngoài nhận phòng đêm khuya',
        nameEn: 'Foreigner checking in late at night',
        condition: { all: [{ fact: 'foreigner', equals: true }, { any: [{ fact: 'localHour', gte: 23 }, { fact: 'localHour', lt: 4 }] }] },
        severity: 'low',
      });
      assert.equal(rule.statusCode, 200, rule.body);
      assertProblem(await post('/alert-rules', police, { requestId: nextRequestId(), id: 'broken-rule', nameVi: 'x', nameEn: 'x', condition: { fact: 'salary', gt: 1 }, severity: 'low' }), 422, 'RULE_INVALID');
      platform.clock.set(at('2026-11-28T23:30:00'));
      const foreigner = { foreigner: { passportNumber: 'E99887766', nationality: 'FRA', fullName: 'MARTIN LUC', birthDate: '1985-01-01', sex: 'male' } };
      await post('/stay-notices', hotel.token, { requestId: nextRequestId(), arrivalAt: at('2026-11-28T23:25:00'), expectedDepartureAt: at('2026-11-30T10:00:00'), guests: [foreigner] });
      const alerts = (await get('/alerts', police)).json();
      assert.ok(alerts.some((item: { ruleId: string; personName: string }) => item.ruleId === 'foreigner-at-night' && item.personName === 'MARTIN LUC'));
    });
  });

  describe('check-out, bus trips, entries and boarding', () => {
    it('checks a guest out, and checks out automatically at the expected departure', async () => {
      platform.clock.set(at('2026-11-29T09:00:00'));
      const receipt = (await post('/stay-notices', hotel.token, { requestId: nextRequestId(), arrivalAt: at('2026-11-29T08:00:00'), expectedDepartureAt: at('2026-11-30T11:00:00'), guests: [{ qr: qr(residents[6]!) }, { qr: qr(residents[7]!) }] })).json();
      const out = await post(`/stays/${receipt.guests[0].stayId}/check-out`, hotel.token, { requestId: nextRequestId() });
      assert.equal(out.statusCode, 200, out.body);
      assertProblem(await post(`/stays/${receipt.guests[0].stayId}/check-out`, otherHotel.token, { requestId: nextRequestId() }), 404, 'STAY_NOT_FOUND');
      platform.clock.set(at('2026-11-30T11:30:00'));
      const housekeeping = await platform.services.presence.runHousekeeping();
      assert.ok(housekeeping.autoCheckedOut >= 1);
      const [stay] = await platform.kernel.db.query<{ auto_checked_out: boolean; departed_at: Date }>('SELECT auto_checked_out, departed_at FROM presence.stay WHERE id = $1', [receipt.guests[1].stayId]);
      assert.equal(stay!.auto_checked_out, true);
      assert.equal(stay!.departed_at.toISOString(), new Date(at('2026-11-30T11:00:00')).toISOString());
    });

    it('takes a bus trip’s passenger list in one notice', async () => {
      platform.clock.set(at('2026-11-30T06:00:00'));
      const passengers = residents.slice(8, 13).map((person, index) => ({ qr: qr(person), room: `G${index + 1}` }));
      assertProblem(await post('/stay-notices', bus.token, { requestId: nextRequestId(), arrivalAt: at('2026-11-30T05:45:00'), guests: passengers }), 422, 'TRIP_REQUIRED');
      const receipt = await post('/stay-notices', bus.token, {
        requestId: nextRequestId(),
        arrivalAt: at('2026-11-30T05:45:00'),
        expectedDepartureAt: at('2026-11-30T14:00:00'),
        guests: passengers,
        trip: { route: 'Duy Tiên – Lào Cai', departureAt: at('2026-11-30T05:45:00'), vehiclePlate: '90B-123.45' },
      });
      assert.equal(receipt.statusCode, 200, receipt.body);
      assert.equal(receipt.json().guests.length, 5);
      assert.deepEqual(receipt.json().guests.map((guest: { room: string }) => guest.room), ['G1', 'G2', 'G3', 'G4', 'G5']);
    });

    it('refuses a notice whose particulars do not match the registry, writing nothing', async () => {
      const before = await platform.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM presence.stay');
      const forged = formatCardQr({ personId: residents[14]!.person_id, oldId: null, fullName: 'Nguyễn Văn Giả Mạo', birthDate: residents[14]!.birth_date, sex: residents[14]!.sex, address: 'x', issueDate: residents[14]!.issue_date });
      const problem = assertProblem(await post('/stay-notices', hotel.token, { requestId: nextRequestId(), arrivalAt: at('2026-11-30T05:45:00'), guests: [{ qr: qr(residents[15]!) }, { qr: forged }] }), 422, 'GUESTS_NOT_VERIFIED');
      assert.deepEqual(problem.guests, [2]);
      const afterCount = await platform.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM presence.stay');
      assert.deepEqual(afterCount, before);
    });

    it('counts people in and out of a site', async () => {
      const first = await post('/entries', site.token, { requestId: nextRequestId(), direction: 'in', guest: { qr: qr(residents[16]!) } });
      assert.equal(first.statusCode, 200, first.body);
      await post('/entries', site.token, { requestId: nextRequestId(), direction: 'in', guest: { qr: qr(residents[17]!) } });
      const retried = await post('/entries', site.token, { requestId: 'gate-retry-000001', direction: 'out', guest: { qr: qr(residents[16]!) } });
      const again = await post('/entries', site.token, { requestId: 'gate-retry-000001', direction: 'out', guest: { qr: qr(residents[16]!) } });
      assert.equal(retried.json().occupancy, 1);
      assert.equal(again.json().replayed, true);
      assert.equal((await get(`/sites/${site.id}/occupancy`, police)).json().inside, 1);
      assertProblem(await get(`/sites/${site.id}/occupancy`, otherPolice), 404, 'ESTABLISHMENT_NOT_FOUND');
    });

    it('lets a passenger board with the card the ticket was bound to (model 19)', async () => {
      const passenger = residents[18]!;
      const ticket = await post('/tickets', bus.token, { requestId: nextRequestId(), tripCode: 'DT-LC-0530', departureAt: at('2026-12-01T05:30:00'), personId: passenger.person_id, seat: '12A' });
      assert.equal(ticket.statusCode, 200, ticket.body);
      const boarded = (await post('/boardings', bus.token, { requestId: nextRequestId(), tripCode: 'DT-LC-0530', guest: { qr: qr(passenger) } })).json();
      assert.deepEqual(boarded, { outcome: 'boarded', name: passenger.full_name, seat: '12A' });
      assert.equal((await post('/boardings', bus.token, { requestId: nextRequestId(), tripCode: 'DT-LC-0530', guest: { qr: qr(passenger) } })).json().outcome, 'already_boarded');
      assert.equal((await post('/boardings', bus.token, { requestId: nextRequestId(), tripCode: 'DT-LC-0530', guest: { qr: qr(residents[19]!) } })).json().outcome, 'no_ticket');
      assertProblem(await post('/boardings', hotel.token, { requestId: nextRequestId(), tripCode: 'DT-LC-0530', guest: { qr: qr(passenger) } }), 409, 'WRONG_ESTABLISHMENT_KIND');
    });
  });

  describe('who sees what', () => {
    it('shows a host only its own establishment', async () => {
      const mine = (await get('/my/guests', hotel.token)).json();
      assert.equal(mine.establishment.id, hotel.id);
      assert.ok(mine.guests.length > 0);
      assertProblem(await get(`/establishments/${hotel.id}/guests`, otherHotel.token), 404, 'ESTABLISHMENT_NOT_FOUND');
      const list = (await get('/establishments', otherHotel.token)).json();
      assert.deepEqual(list.map((row: { id: string }) => row.id), [otherHotel.id]);
    });

    it('shows police only the establishments of their wards, and a person’s stays with a declared purpose, audited', async () => {
      const list = (await get('/establishments?pageSize=50', otherPolice)).json();
      assert.deepEqual(list.map((row: { id: string }) => row.id), [otherHotel.id]);
      assertProblem(await get(`/establishments/${hotel.id}/guests`, otherPolice), 404, 'ESTABLISHMENT_NOT_FOUND');
      assert.ok((await get(`/establishments/${hotel.id}/guests`, police)).json().guests.length > 0);
      assertProblem(await get(`/persons/${residents[0]!.person_id}`, police), 400, 'VALIDATION_FAILED');
      const history = (await get(`/persons/${residents[16]!.person_id}?purpose=police_inquiry`, police)).json();
      assert.equal(history.entries.length, 2);
      await platform.services.audit.flush();
      const [entry] = await platform.kernel.db.query<{ purpose: string }>(`SELECT purpose FROM audit.entry WHERE action = 'presence.person.read' AND subject_person_id = $1`, [residents[16]!.person_id]);
      assert.equal(entry!.purpose, 'police_inquiry');
      assertProblem(await get(`/persons/${residents[16]!.person_id}?purpose=police_inquiry`, hotel.token), 403, 'FORBIDDEN_ROLE');
    });

    it('lets a new establishment submit only once the police approve it', async () => {
      const owner = await platform.token('host', { sub: 'owner-homestay-1' });
      const created = (await post('/establishments', owner, { requestId: nextRequestId(), kind: 'homestay', name: 'Homestay Bạch Xa', address: 'Thôn 3, phường Duy Tiên', wardCode: '13324' })).json();
      assert.equal(created.status, 'pending');
      const operator = await platform.token('host', { sub: 'owner-homestay-1', establishmentId: created.id });
      const notice = { requestId: nextRequestId(), arrivalAt: at('2026-11-30T05:00:00'), guests: [{ qr: qr(residents[20]!) }] };
      assertProblem(await post('/stay-notices', operator, notice), 409, 'ESTABLISHMENT_NOT_APPROVED');
      assertProblem(await post(`/establishments/${created.id}/decision`, otherPolice, { requestId: nextRequestId(), decision: 'approved' }), 404, 'ESTABLISHMENT_NOT_FOUND');
      assert.equal((await post(`/establishments/${created.id}/decision`, police, { requestId: nextRequestId(), decision: 'approved' })).json().status, 'approved');
      assert.equal((await post('/stay-notices', operator, notice)).statusCode, 200);
    });
  });

  describe('police views and the retention job', () => {
    it('lists late and silent establishments', async () => {
      const rows = (await get('/compliance?days=30', police)).json();
      const mine = rows.find((row: { establishmentId: string }) => row.establishmentId === hotel.id);
      assert.ok(mine.notices >= 5 && mine.lateGuests >= 1);
    });

    it('gives tourism figures through stays (model 39)', async () => {
      const stats = (await get('/statistics/tourism?from=2026-11-27&to=2026-11-30', await platform.token('leader'))).json();
      assert.ok(stats.arrivals >= 8);
      assert.ok(stats.byNationality.some((row: { key: string }) => row.key === 'KOR'));
      assert.ok(stats.averageNights >= 1);
      assert.ok(stats.perDay.length >= 2);
    });

    it('anonymises stays and entries after the retention period (fake clock)', async () => {
      const personId = residents[0]!.person_id;
      platform.clock.set(at('2028-12-15T00:00:00'));
      const result = await platform.services.presence.runHousekeeping();
      assert.ok(result.anonymisedStays > 0 && result.anonymisedEntries > 0);
      const [left] = await platform.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM presence.stay WHERE person_id = $1', [personId]);
      assert.equal(left!.n, 0);
      const [kept] = await platform.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM presence.stay WHERE anonymised_at IS NOT NULL AND nationality = 'KOR'`);
      assert.equal(kept!.n, 1, 'statistics keep the nationality');
      platform.clock.set(at('2026-11-30T12:00:00'));
    });
  });
});
