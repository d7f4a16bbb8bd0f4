import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProblem } from '../../../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';
import { formatCardQr } from './card-qr.ts';
import { parsePersonId } from './person-id.ts';
import type { CardRow, PersonRow } from './registry.repository.ts';
import { seedTown } from './seed.ts';

const TODAY = '2026-11-27';

describe('registry over HTTP', () => {
  let platform: TestPlatform;
  let policeToken: string;
  let hostToken: string;
  let otherWardPolice: string;

  before(async () => {
    platform = await createTestPlatform();
    await seedTown(platform.kernel.db, { residents: 1500, seed: 11, today: TODAY });
    policeToken = await platform.token('police', { sub: 'officer-duy-tien', wards: ['13324'] });
    otherWardPolice = await platform.token('police', { sub: 'officer-ha-nam', wards: ['13366'] });
    hostToken = await platform.token('host', { sub: 'hotel-reception-1' });
  });
  after(() => platform.close());

  const headers = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, token: string, payload: unknown) => platform.app.inject({ method: 'POST', url, headers: headers(token), payload: payload as object });
  const get = (url: string, token: string) => platform.app.inject({ method: 'GET', url, headers: headers(token) });

  async function someone(where: string, params: unknown[] = []): Promise<{ person: PersonRow; card: CardRow | undefined }> {
    const [person] = await platform.kernel.db.query<PersonRow>(`SELECT * FROM registry.person p WHERE ${where} ORDER BY person_id LIMIT 1`, params);
    assert.ok(person, `no resident matches ${where}`);
    const [card] = await platform.kernel.db.query<CardRow>(`SELECT * FROM registry.id_card WHERE person_id = $1 AND status = 'active'`, [person.person_id]);
    return { person, card };
  }

  function qrOf(person: PersonRow, card: CardRow, overrides: Partial<{ fullName: string; birthDate: string }> = {}) {
    return formatCardQr({
      personId: person.person_id,
      oldId: person.old_ids[0] ?? null,
      fullName: overrides.fullName ?? person.full_name,
      birthDate: overrides.birthDate ?? person.birth_date,
      sex: person.sex,
      address: person.permanent_address ?? '',
      issueDate: card.issue_date,
    });
  }

  const validCardHolder = `p.status = 'living' AND EXISTS (SELECT 1 FROM registry.id_card c WHERE c.person_id = p.person_id AND c.status = 'active' AND c.card_type <> 'CMND' AND (c.expiry_date IS NULL OR c.expiry_date > '${TODAY}'))`;

  describe('identity verification', () => {
    it('matches a resident’s card QR and gives a hotel only the fields of its purpose', async () => {
      const { person, card } = await someone(validCardHolder);
      const response = await post('/api/v1/registry/verifications', hostToken, { qr: `\uFEFF${qrOf(person, card!)}\r\n`, purpose: 'stay_notice' });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.equal(body.result, 'match');
      assert.deepEqual(Object.keys(body.person).sort(), ['birthDate', 'fullName', 'personId']);
      assert.equal(body.person.fullName, person.full_name);
    });

    it('gives a tampered QR a mismatch and no personal data', async () => {
      const { person, card } = await someone(validCardHolder);
      const response = await post('/api/v1/registry/verifications', hostToken, { qr: qrOf(person, card!, { fullName: 'Trần Văn Giả' }), purpose: 'stay_notice' });
      const body = response.json();
      assert.equal(body.result, 'mismatch');
      assert.deepEqual(body.mismatchedFields, ['fullName']);
      assert.equal(body.person, null);
    });

    it('reports unknown, deceased, revoked and expired cards', async () => {
      const unknown = await post('/api/v1/registry/verifications', hostToken, { personId: '035090999999', fullName: 'Nguyễn Văn An', birthDate: '1990-01-01', purpose: 'stay_notice' });
      assert.equal(unknown.json().result, 'not_found');

      const dead = await someone(`p.status = 'deceased'`);
      const deadResponse = await post('/api/v1/registry/verifications', hostToken, { personId: dead.person.person_id, fullName: dead.person.full_name, birthDate: dead.person.birth_date, purpose: 'stay_notice' });
      assert.equal(deadResponse.json().result, 'deceased');

      const expired = await someone(`p.status = 'living' AND EXISTS (SELECT 1 FROM registry.id_card c WHERE c.person_id = p.person_id AND c.status = 'active' AND c.expiry_date <= '${TODAY}')`);
      const expiredResponse = await post('/api/v1/registry/verifications', hostToken, { qr: qrOf(expired.person, expired.card!), purpose: 'stay_notice' });
      assert.equal(expiredResponse.json().result, 'card_expired');

      const holder = await someone(`${validCardHolder} AND p.ward_code = '13324' AND p.person_id NOT IN (SELECT person_id FROM registry.wanted_person)`);
      const revoke = await post(`/api/v1/registry/residents/${holder.person.person_id}/cards/${holder.card!.id}/status`, policeToken, { requestId: 'revoke-card-0001', status: 'revoked', reason: 'Thu hồi theo quyết định' });
      assert.equal(revoke.statusCode, 200, revoke.body);
      const revokedResponse = await post('/api/v1/registry/verifications', hostToken, { qr: qrOf(holder.person, holder.card!), purpose: 'stay_notice' });
      assert.equal(revokedResponse.json().result, 'card_revoked');
    });

    it('verifies particulars typed without diacritics', async () => {
      const { person } = await someone(validCardHolder);
      const response = await post('/api/v1/registry/verifications', hostToken, {
        personId: person.person_id,
        fullName: person.name_search.toUpperCase(),
        birthDate: person.birth_date,
        purpose: 'stay_notice',
      });
      assert.equal(response.json().result, 'match');
    });

    it('refuses a purpose the role may not declare, and text that is not a card QR', async () => {
      const { person } = await someone(validCardHolder);
      assertProblem(
        await post('/api/v1/registry/verifications', hostToken, { personId: person.person_id, fullName: person.full_name, birthDate: person.birth_date, purpose: 'police_inquiry' }),
        403,
        'PURPOSE_NOT_ALLOWED',
      );
      const { person: sample, card: sampleCard } = await someone(validCardHolder);
      const odd = await post('/api/v1/registry/verifications', hostToken, { qr: qrOf(sample, sampleCard!).replace(/\|Nam\||\|Nữ\|/, '|Nu|'), purpose: 'stay_notice' });
      const finding = odd.json().findings.find((item: { code: string }) => item.code === 'SEX_UNUSUAL_SPELLING' || item.code === 'INVALID_SEX');
      assert.ok(finding && finding.message.vi.length > 0 && finding.message.en.length > 0, odd.body);
      const problem = assertProblem(await post('/api/v1/registry/verifications', hostToken, { qr: 'https://example.com/not-a-card', purpose: 'stay_notice' }), 400, 'QR_INVALID');
      assert.equal(typeof problem.parseCode, 'string');
      assertProblem(await post('/api/v1/registry/verifications', hostToken, { qr: 'x', purpose: 'sightseeing' }), 400, 'VALIDATION_FAILED');
      assertProblem(await post('/api/v1/registry/verifications', hostToken, { qr: 'x'.repeat(5000), purpose: 'stay_notice' }), 400, 'VALIDATION_FAILED');
    });

    it('audits every check with its purpose and legal basis', async () => {
      await platform.services.audit.flush();
      const rows = await platform.kernel.db.query<{ purpose: string; legal_basis: string; actor_id: string }>(
        `SELECT purpose, legal_basis, actor_id FROM audit.entry WHERE action = 'registry.verification.check'`,
      );
      assert.ok(rows.length >= 6);
      assert.ok(rows.every((row) => row.purpose === 'stay_notice' && row.legal_basis.includes('Điều 30') && row.actor_id === 'hotel-reception-1'));
    });

    it('accepts the citizen app’s one-time QR code once, and never after it expires', async () => {
      const { person } = await someone(validCardHolder);
      const citizen = await platform.token('citizen', { sub: 'citizen-app-1', personId: person.person_id });
      const issued = await post('/api/v1/registry/presentation-codes', citizen, {});
      assert.equal(issued.statusCode, 200, issued.body);
      const { code, ttlSeconds } = issued.json();
      assert.equal(ttlSeconds, 60);
      const first = await post('/api/v1/registry/verifications', hostToken, { appCode: code, purpose: 'stay_notice' });
      assert.equal(first.json().result, 'match');
      assert.equal(first.json().person.personId, person.person_id);
      assertProblem(await post('/api/v1/registry/verifications', hostToken, { appCode: code, purpose: 'stay_notice' }), 400, 'APP_CODE_INVALID');
      const later = (await post('/api/v1/registry/presentation-codes', citizen, {})).json().code;
      platform.clock.advance(61_000);
      try {
        assertProblem(await post('/api/v1/registry/verifications', hostToken, { appCode: later, purpose: 'stay_notice' }), 400, 'APP_CODE_INVALID');
      } finally {
        platform.clock.advance(-61_000);
      }
    });

    it('never answers random or mutated input with a server error (property test)', async () => {
      const { person, card } = await someone(validCardHolder);
      const valid = qrOf(person, card!);
      const mutated = fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 20 })).map(([at, noise]) => valid.slice(0, at) + noise + valid.slice(at)),
        fc.tuple(fc.nat(valid.length), fc.nat(valid.length)).map(([a, b]) => valid.slice(Math.min(a, b), Math.max(a, b))),
        fc.constantFrom(`${valid}|'; DROP TABLE registry.person;--`, valid.replace('|', '||'), valid.normalize('NFD'), `<script>alert(1)</script>|${valid}`),
      );
      const body = fc.oneof(
        mutated.map((qr) => ({ qr, purpose: 'stay_notice' })),
        fc.record({ personId: fc.string({ maxLength: 14 }), fullName: fc.string({ maxLength: 120 }), birthDate: fc.string({ maxLength: 12 }), purpose: fc.constant('stay_notice') }),
        fc.anything(),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const response = await platform.app.inject({ method: 'POST', url: '/api/v1/registry/verifications', headers: { ...headers(hostToken), 'content-type': 'application/json' }, payload: JSON.stringify(payload) ?? 'null' });
          assert.ok(response.statusCode === 200 || (response.statusCode >= 400 && response.statusCode < 500), `${response.statusCode} for ${JSON.stringify(payload)?.slice(0, 200)}`);
          if (response.statusCode !== 200) assert.match(String(response.headers['content-type']), /problem\+json/);
        }),
        { numRuns: 150 },
      );
      const [{ n }] = (await platform.kernel.db.query<{ n: number }>('SELECT count(*)::int AS n FROM registry.person')) as [{ n: number }];
      assert.ok(n >= 1500, 'the registry is intact');
    });
  });

  describe('police registry work', () => {
    it('finds "Nguyễn Văn …" by typing "nguyen van", only in the officer’s wards, with paging', async () => {
      const response = await get('/api/v1/registry/residents?q=nguyen%20van&pageSize=5', policeToken);
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json();
      assert.equal(page.items.length, 5);
      assert.ok(page.total > 5);
      for (const item of page.items) {
        assert.match(item.fullName, /^Nguyễn Văn /);
        assert.equal(item.wardCode, '13324');
      }
      const second = (await get('/api/v1/registry/residents?q=nguyen%20van&pageSize=5&page=2', policeToken)).json();
      assert.notEqual(second.items[0].personId, page.items[0].personId);
    });

    it('finds by id, by birth-date range and by household', async () => {
      const { person } = await someone(`p.ward_code = '13324'`);
      const byId = (await get(`/api/v1/registry/residents?q=${person.person_id}`, policeToken)).json();
      assert.deepEqual(byId.items.map((item: { personId: string }) => item.personId), [person.person_id]);
      const byHousehold = (await get(`/api/v1/registry/residents?household=${person.household_id}`, policeToken)).json();
      assert.ok(byHousehold.items.some((item: { personId: string }) => item.personId === person.person_id));
      const byBirth = (await get('/api/v1/registry/residents?bornFrom=2000-01-01&bornTo=2000-12-31&pageSize=50', policeToken)).json();
      assert.ok(byBirth.items.length > 0 && byBirth.items.every((item: { birthDate: string }) => item.birthDate.startsWith('2000')));
    });

    it('answers "not found" for a resident of another ward, and refuses a ward filter outside the officer’s wards', async () => {
      const { person } = await someone(`p.ward_code = '13324'`);
      assertProblem(await get(`/api/v1/registry/residents/${person.person_id}`, otherWardPolice), 404, 'RESIDENT_NOT_FOUND');
      const search = (await get(`/api/v1/registry/residents?q=${person.person_id}`, otherWardPolice)).json();
      assert.equal(search.total, 0);
      assertProblem(await get('/api/v1/registry/residents?ward=13324', otherWardPolice), 403, 'WARD_NOT_ASSIGNED');
    });

    it('opens a record with household, cards and history, and audits the read', async () => {
      const { person } = await someone(`p.ward_code = '13324' AND p.household_id IS NOT NULL AND p.relation_to_head = 'Chủ hộ'`);
      const response = await get(`/api/v1/registry/residents/${person.person_id}`, policeToken);
      assert.equal(response.statusCode, 200, response.body);
      const record = response.json();
      assert.equal(record.fullName, person.full_name);
      assert.ok(record.household.members.length >= 1);
      assert.ok(Array.isArray(record.cards));
      await platform.services.audit.flush();
      const [entry] = await platform.kernel.db.query<{ actor_id: string }>(`SELECT actor_id FROM audit.entry WHERE action = 'registry.resident.read' AND subject_person_id = $1`, [person.person_id]);
      assert.equal(entry?.actor_id, 'officer-duy-tien');
    });

    it('records a birth once however often it is retried, with a valid new id, history and an event', async () => {
      const mother = (await someone(`p.ward_code = '13324' AND p.sex = 'female' AND p.status = 'living' AND p.birth_date BETWEEN '1990-01-01' AND '2000-12-31'`)).person;
      const body = { requestId: 'birth-2026-11-27-0001', fullName: 'Nguyễn  Minh   Khôi', birthDate: '2026-11-20', sex: 'male', motherId: mother.person_id };
      const first = await post('/api/v1/registry/births', policeToken, body);
      assert.equal(first.statusCode, 200, first.body);
      const again = await post('/api/v1/registry/births', policeToken, body);
      assert.equal(again.json().personId, first.json().personId);
      assert.equal(again.json().replayed, true);
      const personId = first.json().personId as string;
      const parsed = parsePersonId(personId);
      assert.ok(parsed.ok && parsed.provinceCode === '035' && parsed.sex === 'male' && parsed.birthYear === 2026);
      const rows = await platform.kernel.db.query<PersonRow>('SELECT * FROM registry.person WHERE full_name = $1', ['Nguyễn Minh Khôi']);
      assert.equal(rows.length, 1, 'a retry never doubles the record');
      assert.equal(rows[0]!.mother_id, mother.person_id);
      assert.equal(rows[0]!.household_id, mother.household_id);
      const events = await platform.kernel.db.query<{ topic: string }>(`SELECT topic FROM kernel.outbox WHERE key = $1`, [personId]);
      assert.deepEqual(events.map((event) => event.topic), ['registry.birth_recorded']);
    });

    it('records a death, a move and a card issuance, each versioned with who and why', async () => {
      const { person } = await someone(`p.ward_code = '13324' AND p.status = 'living' AND p.birth_date < '1990-01-01' AND p.person_id NOT IN (SELECT person_id FROM registry.wanted_person)`);
      const card = await post(`/api/v1/registry/residents/${person.person_id}/cards`, policeToken, { requestId: 'card-issue-00001', issueDate: '2026-11-26' });
      assert.equal(card.statusCode, 200, card.body);
      assert.equal(card.json().type, 'CAN_CUOC');
      const move = await post(`/api/v1/registry/residents/${person.person_id}/moves`, policeToken, {
        requestId: 'move-00000001',
        moveDate: '2026-11-26',
        destination: 'within_town',
        newWardCode: '13330',
        newAddress: 'Tổ dân phố số 4, Phường Duy Tân, Tỉnh Ninh Bình',
      });
      assert.equal(move.statusCode, 200, move.body);
      assert.equal(move.json().wardCode, '13330');
      // Now in ward 13330: the officer of 13324 no longer sees the resident.
      assertProblem(await post(`/api/v1/registry/residents/${person.person_id}/death`, policeToken, { requestId: 'death-00000001', dateOfDeath: '2026-11-26' }), 404, 'RESIDENT_NOT_FOUND');
      const duyTan = await platform.token('police', { sub: 'officer-duy-tan', wards: ['13330'] });
      const death = await post(`/api/v1/registry/residents/${person.person_id}/death`, duyTan, { requestId: 'death-00000001', dateOfDeath: '2026-11-26' });
      assert.equal(death.statusCode, 200, death.body);
      const record = (await get(`/api/v1/registry/residents/${person.person_id}`, duyTan)).json();
      assert.equal(record.status, 'deceased');
      assert.deepEqual(record.history.slice(0, 3).map((entry: { kind: string; changedBy: string }) => `${entry.kind}:${entry.changedBy}`), ['death:officer-duy-tan', 'move:officer-duy-tien', 'card_issued:officer-duy-tien']);
      assertProblem(await post(`/api/v1/registry/residents/${person.person_id}/moves`, duyTan, { requestId: 'move-00000002', moveDate: '2026-11-26', destination: 'out_of_town' }), 409, 'RESIDENT_NOT_LIVING');
    });

    it('refuses invalid changes with clear Vietnamese messages and writes nothing', async () => {
      const { person } = await someone(`p.ward_code = '13324' AND p.status = 'living' AND p.birth_date > '2015-01-01'`);
      const tooYoung = assertProblem(await post(`/api/v1/registry/residents/${person.person_id}/cards`, policeToken, { requestId: 'card-young-0001', issueDate: '2024-01-10', cardType: 'CCCD' }), 422, 'CARD_TOO_YOUNG');
      assert.match(String(tooYoung.detail), /14 tuổi/);
      assertProblem(await post(`/api/v1/registry/residents/${person.person_id}/cards`, policeToken, { requestId: 'card-type-00001', issueDate: '2025-01-10', cardType: 'CCCD' }), 422, 'CARD_TYPE_NOT_ISSUED_ON_DATE');
      assertProblem(await post('/api/v1/registry/births', policeToken, { requestId: 'birth-script-001', fullName: '<script>alert(1)</script>', birthDate: '2026-11-01', sex: 'female', wardCode: '13324', address: 'Tổ dân phố số 1' }), 422, 'INVALID_NAME');
      assertProblem(await post('/api/v1/registry/births', policeToken, { requestId: 'birth-sql-00001', fullName: "Robert'); DROP TABLE registry.person;--", birthDate: '2026-11-01', sex: 'female', wardCode: '13324', address: 'Tổ dân phố số 1' }), 422, 'INVALID_NAME');
      assertProblem(await post('/api/v1/registry/births', policeToken, { requestId: 'birth-future-01', fullName: 'Khổng Thị Nguyệt Ánh', birthDate: '2027-01-01', sex: 'female', wardCode: '13324', address: 'Tổ dân phố số 1' }), 422, 'DATE_IN_FUTURE');
      assertProblem(await post('/api/v1/registry/births', policeToken, { requestId: 'birth-nodate-01', fullName: 'Khổng Thị Nguyệt Ánh', birthDate: '2026-02-30', sex: 'female', wardCode: '13324', address: 'Tổ dân phố số 1' }), 422, 'INVALID_DATE');
      const [{ n }] = (await platform.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM registry.person WHERE full_name LIKE '%script%' OR full_name LIKE '%DROP%' OR full_name = 'Khổng Thị Nguyệt Ánh'`)) as [{ n: number }];
      assert.equal(n, 0);
      const search = await get(`/api/v1/registry/residents?q=${encodeURIComponent("' OR 1=1 --")}`, policeToken);
      assert.equal(search.statusCode, 200);
      assert.equal(search.json().total, 0);
    });

    it('keeps the wanted list for police only', async () => {
      const { person } = await someone(`p.ward_code = '13324' AND p.status = 'living' AND p.person_id NOT IN (SELECT person_id FROM registry.wanted_person)`);
      const added = await post('/api/v1/registry/wanted', policeToken, { requestId: 'wanted-add-0001', personId: person.person_id, reasonCode: 'WANTED_FUGITIVE' });
      assert.equal(added.statusCode, 200, added.body);
      assertProblem(await post('/api/v1/registry/wanted', policeToken, { requestId: 'wanted-add-0002', personId: person.person_id, reasonCode: 'WANTED_FUGITIVE' }), 409, 'ALREADY_WANTED');
      const list = (await get('/api/v1/registry/wanted', policeToken)).json();
      assert.ok(list.some((entry: { personId: string }) => entry.personId === person.person_id));
      assert.deepEqual(await platform.services.registry.wantedAmong([person.person_id, '035000000000']), new Map([[person.person_id, 'WANTED_FUGITIVE']]));
      assertProblem(await get('/api/v1/registry/wanted', hostToken), 403, 'FORBIDDEN_ROLE');
      const cleared = await platform.app.inject({ method: 'DELETE', url: `/api/v1/registry/wanted/${person.person_id}`, headers: headers(policeToken) });
      assert.equal(cleared.json().active, false);
    });

    it('denies registry work to every role but police', async () => {
      for (const role of ['host', 'citizen', 'one_stop_officer', 'leader', 'checkpoint_operator'] as const) {
        const token = await platform.token(role, { wards: ['*'] });
        assertProblem(await get('/api/v1/registry/residents?q=nguyen', token), 403, 'FORBIDDEN_ROLE');
      }
      const citizen = await platform.token('citizen');
      assertProblem(await post('/api/v1/registry/verifications', citizen, { qr: 'x', purpose: 'stay_notice' }), 403, 'FORBIDDEN_ROLE');
    });
  });

  describe('a citizen’s own record', () => {
    it('shows the citizen their record and household, never the wanted flag, and audits it as their own access', async () => {
      const { person } = await someone(`p.ward_code = '13324' AND p.status = 'living' AND p.household_id IS NOT NULL`);
      const citizen = await platform.token('citizen', { sub: 'citizen-own-1', personId: person.person_id });
      const response = await get('/api/v1/registry/me', citizen);
      assert.equal(response.statusCode, 200, response.body);
      const record = response.json();
      assert.equal(record.personId, person.person_id);
      assert.ok(record.household.members.some((member: { personId: string }) => member.personId === person.person_id));
      assert.equal('wanted' in record, false);
      await platform.services.audit.flush();
      const [entry] = await platform.kernel.db.query<{ purpose: string }>(`SELECT purpose FROM audit.entry WHERE action = 'registry.resident.read' AND actor_id = 'citizen-own-1'`);
      assert.equal(entry?.purpose, 'data_subject_access');
      assertProblem(await get('/api/v1/registry/me', await platform.token('citizen', { sub: 'no-person' })), 404, 'RESIDENT_NOT_FOUND');
    });
  });

  describe('administrative units', () => {
    it('lists the town’s current wards', async () => {
      const wards = (await platform.app.inject({ method: 'GET', url: '/api/v1/registry/wards' })).json();
      assert.deepEqual(wards.map((ward: { code: string }) => ward.code).sort(), ['13324', '13330', '13336', '13348', '13363', '13366']);
      assert.ok(wards.some((ward: { name: string }) => ward.name === 'Phường Đồng Văn'));
    });

    it('answers what a reused code meant on a date and what an old unit is today', async () => {
      const then = (await platform.app.inject({ method: 'GET', url: '/api/v1/registry/units?code=13348&date=2023-08-15' })).json();
      assert.equal(then.unit.name, 'Phường Yên Bắc');
      assert.deepEqual(then.today.map((unit: { name: string }) => unit.name), ['Phường Đồng Văn']);
      const now = (await platform.app.inject({ method: 'GET', url: '/api/v1/registry/units?code=13348&date=2026-01-01' })).json();
      assert.equal(now.unit.name, 'Phường Đồng Văn');
      const split = (await platform.app.inject({ method: 'GET', url: '/api/v1/registry/units?code=13324&date=2024-01-01' })).json();
      assert.equal(split.unit.name, 'Phường Hòa Mạc');
      assert.deepEqual(split.today.map((unit: { name: string }) => unit.name).sort(), ['Phường Duy Tiên', 'Phường Duy Tân']);
    });
  });
});
