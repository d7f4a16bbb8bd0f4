import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, type Role } from '../../kernel/auth.ts';
import { assertProblem, concreteUrl } from '../../../test/route-sweep.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/support.ts';
import { seedPeople, type SeededPerson } from './identity.test-support.ts';

const PASSWORD = 'đêm trăng trên cánh đồng lúa';

describe('identity routes', () => {
  let platform: TestPlatform;
  let people: SeededPerson[];
  const as = async (role: Role | Role[], options: Parameters<TestPlatform['token']>[1] = {}) => ({ authorization: `Bearer ${await platform.token(role, options)}` });
  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: unknown) =>
    platform.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function startRegistration(person: { person_id: string; full_name: string; birth_date: string }, phone: string) {
    const response = await inject('POST', '/api/v1/identity/registrations', {}, { personId: person.person_id, fullName: person.full_name, birthDate: person.birth_date, phone });
    assert.equal(response.statusCode, 202, response.body);
    return response.json().registrationId as string;
  }

  const lastCode = (phone: string) => /(\d{6})/.exec(platform.kernel.devInbox!.list(phone).at(-1)?.body ?? '')?.[1];

  before(async () => {
    platform = await createTestPlatform();
    people = await seedPeople(platform.kernel.db, 4);
  });
  after(() => platform.close());

  describe('authorisation (deny by default)', () => {
    it('gives every protected identity route 403 for a role it does not allow', async () => {
      const routes = platform.built.routes.filter((route) => route.url.startsWith('/api/v1/identity') && 'roles' in route.access);
      assert.ok(routes.length >= 25, `expected the identity routes, saw ${routes.length}`);
      for (const route of routes) {
        const allowed = (route.access as { roles: readonly Role[] }).roles;
        for (const role of ROLES.filter((candidate) => !allowed.includes(candidate))) {
          const response = await platform.app.inject({
            method: route.method as 'GET',
            url: concreteUrl(route.url),
            headers: { ...(await as(role, { wards: ['*'], personId: '035090000001' })), ...(route.hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(route.hasBody ? { payload: '{}' } : {}),
          });
          assertProblem(response, 403, 'FORBIDDEN_ROLE', `${route.method} ${route.url} as ${role}`);
        }
      }
    });

    it('keeps the citizen registration routes public and everything else behind a role', () => {
      const open = platform.built.routes.filter((route) => route.url.startsWith('/api/v1/identity') && 'public' in route.access).map((route) => `${route.method} ${route.url}`);
      assert.deepEqual(open.sort(), ['POST /api/v1/identity/registrations', 'POST /api/v1/identity/registrations/:registrationId/confirmation']);
    });

    it('says "not found" for a token whose subject has no account', async () => {
      assertProblem(await inject('GET', '/api/v1/identity/me', await as('citizen', { sub: 'cli:citizen' })), 404, 'IDENTITY_ACCOUNT_NOT_FOUND');
    });
  });

  describe('citizen self-registration (level 1)', () => {
    it('creates a level-1 account from matching particulars and an SMS code, and marks level 1 in the registry', async () => {
      const person = people[0]!;
      const id = await startRegistration({ ...person, full_name: person.full_name.toUpperCase() }, '+84 912 000 101');
      const code = lastCode('0912000101');
      assert.ok(code, 'the code went to the phone, normalised to 0xxxxxxxxx');
      const weak = await inject('POST', `/api/v1/identity/registrations/${id}/confirmation`, {}, { code, password: `ngay ${person.birth_date.slice(8)}/${person.birth_date.slice(5, 7)}/${person.birth_date.slice(0, 4)} !!` });
      assertProblem(weak, 422, 'IDENTITY_PASSWORD_POLICY');
      const created = await inject('POST', `/api/v1/identity/registrations/${id}/confirmation`, {}, { code, password: PASSWORD });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().eIdLevel, 1);
      const retry = await inject('POST', `/api/v1/identity/registrations/${id}/confirmation`, {}, { code, password: PASSWORD });
      assert.equal(retry.statusCode, 200, 'a retried confirmation returns the same account');
      assert.equal(retry.json().accountId, created.json().accountId);
      assert.ok(((await platform.services.registry.findIdentity(person.person_id))?.eIdLevel ?? 0) >= 1, 'the registry records at least level 1');
      const stored = await platform.kernel.db.query<{ password_hash: string }>('SELECT password_hash FROM identity.account WHERE person_id = $1', [person.person_id]);
      assert.match(stored[0]!.password_hash, /^\$argon2id\$/);
    });

    it('answers a mismatch exactly like a match, sends no code, and accepts no code (no registry oracle)', async () => {
      const person = people[1]!;
      const mismatch = await inject('POST', '/api/v1/identity/registrations', {}, { personId: person.person_id, fullName: 'Nguyễn Văn Không Khớp', birthDate: person.birth_date, phone: '0912000102' });
      const unknown = await inject('POST', '/api/v1/identity/registrations', {}, { personId: '035199999999', fullName: 'Ai Đó', birthDate: '1990-01-01', phone: '0912000103' });
      for (const response of [mismatch, unknown]) {
        assert.equal(response.statusCode, 202);
        assert.deepEqual(Object.keys(response.json()).sort(), ['expiresAt', 'message', 'registrationId']);
      }
      assert.equal(platform.kernel.devInbox!.list('0912000102').length, 0);
      assert.equal(platform.kernel.devInbox!.list('0912000103').length, 0);
      for (const code of ['000000', '123456', '999999', '111111', '222222', '333333']) {
        assertProblem(await inject('POST', `/api/v1/identity/registrations/${mismatch.json().registrationId}/confirmation`, {}, { code, password: PASSWORD }), 400, 'IDENTITY_CODE_INVALID');
      }
      await platform.services.audit.flush();
      const [checked] = await platform.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.entry WHERE action = 'identity.registration.check' AND subject_person_id = $1`, [person.person_id]);
      assert.equal(checked!.n, 1, 'the person sees the attempt in "who read my data"');
    });

    it('stops a code after five wrong tries and sends no second account for a person who has one', async () => {
      const person = people[2]!;
      const id = await startRegistration(person, '0912000104');
      const right = lastCode('0912000104')!;
      for (let attempt = 0; attempt < 5; attempt++) {
        assertProblem(await inject('POST', `/api/v1/identity/registrations/${id}/confirmation`, {}, { code: right === '000000' ? '000001' : '000000', password: PASSWORD }), 400, 'IDENTITY_CODE_INVALID');
      }
      assertProblem(await inject('POST', `/api/v1/identity/registrations/${id}/confirmation`, {}, { code: right, password: PASSWORD }), 400, 'IDENTITY_CODE_INVALID');
      const again = await startRegistration(people[0]!, '0912000105');
      assert.ok(again);
      assert.equal(platform.kernel.devInbox!.list('0912000105').length, 0, 'no code for a person who already has an account');
    });

    it('validates input strictly', async () => {
      assertProblem(await inject('POST', '/api/v1/identity/registrations', {}, { personId: '12345', fullName: 'A', birthDate: '1990-01-01', phone: '0912000106' }), 400, 'VALIDATION_FAILED');
      assertProblem(await inject('POST', '/api/v1/identity/registrations', {}, { personId: people[3]!.person_id, fullName: 'A', birthDate: '1990-01-01', phone: '0112345678' }), 400, 'VALIDATION_FAILED');
      assertProblem(await inject('POST', '/api/v1/identity/registrations', {}, { personId: people[3]!.person_id, fullName: 'A', birthDate: '1990-01-01', phone: '0912000106', admin: true }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('level 2 by the police', () => {
    it('lets an officer of the citizen’s ward grant level 2, and no officer of another ward', async () => {
      const person = people[0]!;
      const otherWard = person.ward_code === '13324' ? '13330' : '13324';
      const payload = { requestId: 'level2-route-0001', personId: person.person_id, method: 'in_person' };
      assertProblem(await inject('POST', '/api/v1/identity/level2-grants', await as('police', { sub: 'officer-far', wards: [otherWard] }), payload), 404, 'IDENTITY_RESIDENT_OUT_OF_SCOPE');
      const granted = await inject('POST', '/api/v1/identity/level2-grants', await as('police', { sub: 'officer-near', wards: [person.ward_code] }), payload);
      assert.equal(granted.statusCode, 200, granted.body);
      assert.deepEqual([granted.json().eIdLevel, granted.json().previousLevel], [2, 1]);
      const replay = await inject('POST', '/api/v1/identity/level2-grants', await as('police', { sub: 'officer-near', wards: [person.ward_code] }), payload);
      assert.equal(replay.json().replayed, true);
      assert.equal((await platform.services.registry.findIdentity(person.person_id))?.eIdLevel, 2, 'the registry records level 2 too');
      assertProblem(
        await inject('POST', '/api/v1/identity/level2-grants', await as('police', { sub: 'officer-near', wards: ['*'] }), { ...payload, requestId: 'level2-route-0002', personId: people[3]!.person_id }),
        404,
        'IDENTITY_NOT_CITIZEN_ACCOUNT',
      );
    });
  });

  describe('staff and business accounts', () => {
    it('creates a staff account once per request id, shows the temporary password once, and refuses a taken name', async () => {
      const headers = await as('admin', { sub: 'admin-1', wards: ['*'] });
      const body = { requestId: 'staff-create-0001', username: 'mot.cua.01', displayName: 'Lê Thị Hoa', roles: ['one_stop_officer'], wards: ['13324'], phone: '0912000201' };
      const first = await inject('POST', '/api/v1/identity/accounts/staff', headers, body);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(typeof first.json().temporaryPassword, 'string');
      assert.equal(first.json().account.passwordMustChange, true);
      const retry = await inject('POST', '/api/v1/identity/accounts/staff', headers, body);
      assert.equal(retry.statusCode, 200);
      assert.deepEqual([retry.json().account.id, retry.json().temporaryPassword, retry.json().replayed], [first.json().account.id, null, true]);
      const [stored] = await platform.kernel.db.query<{ result: string }>(`SELECT result::text AS result FROM kernel.request_result WHERE request_id = 'staff-create-0001'`);
      assert.ok(!stored!.result.includes(first.json().temporaryPassword), 'the stored answer never holds the password');
      assertProblem(await inject('POST', '/api/v1/identity/accounts/staff', headers, { ...body, requestId: 'staff-create-0002' }), 409, 'IDENTITY_USERNAME_TAKEN');
      assertProblem(await inject('POST', '/api/v1/identity/accounts/staff', headers, { ...body, requestId: 'staff-create-0003', username: 'x2', roles: ['host'] }), 400, 'VALIDATION_FAILED');
      assertProblem(await inject('POST', '/api/v1/identity/accounts/staff', headers, { ...body, requestId: 'staff-create-0004', username: 'mot.cua.02', wards: ['99999'] }), 422, 'IDENTITY_CLIENT_INVALID');
    });

    it('lets administrators list, change, disable, reset and unlock accounts', async () => {
      const headers = await as('admin', { sub: 'admin-1', wards: ['*'] });
      const list = await inject('GET', '/api/v1/identity/accounts?kind=staff&q=hoa', headers);
      assert.equal(list.statusCode, 200);
      const account = list.json().items.find((item: { username: string }) => item.username === 'mot.cua.01');
      assert.ok(account);
      const changed = await inject('PATCH', `/api/v1/identity/accounts/${account.id}`, headers, { roles: ['one_stop_officer', 'leader'], status: 'disabled' });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual([changed.json().roles, changed.json().status], [['one_stop_officer', 'leader'], 'disabled']);
      assertProblem(await inject('PATCH', `/api/v1/identity/accounts/${account.id}`, headers, { roles: ['citizen'] }), 422, 'IDENTITY_ROLES_INVALID');
      const reset = await inject('POST', `/api/v1/identity/accounts/${account.id}/password-reset`, headers);
      assert.match(reset.json().temporaryPassword, /^[A-Za-z2-9]{15}$/);
      assert.equal((await inject('POST', `/api/v1/identity/accounts/${account.id}/second-factor-reset`, headers)).json().reset, true);
      assert.equal((await inject('POST', `/api/v1/identity/accounts/${account.id}/unlock`, headers)).json().unlocked, false);
      assertProblem(await inject('GET', '/api/v1/identity/accounts/00000000-0000-4000-8000-000000000000', headers), 404, 'IDENTITY_ACCOUNT_NOT_FOUND');
    });

    it('lets an establishment’s owner add operators of that establishment only', async () => {
      const created = await inject('POST', '/api/v1/identity/accounts/businesses', await as('admin', { sub: 'admin-1', wards: ['*'] }), {
        requestId: 'business-0001',
        username: 'khachsan.hoa.sen',
        displayName: 'Khách sạn Hoa Sen',
        roles: ['host'],
        establishmentId: 'LODGING-0042',
        establishmentKind: 'hotel',
      });
      assert.equal(created.statusCode, 201, created.body);
      const owner = created.json().account;
      assert.equal(owner.isEstablishmentOwner, true);
      const ownerHeaders = await as('host', { sub: owner.id, establishmentId: 'LODGING-0042' });
      const operator = await inject('POST', '/api/v1/identity/establishment/operators', ownerHeaders, { requestId: 'operator-0001', username: 'letan.hoa.sen', displayName: 'Lễ tân 1', roles: ['host'] });
      assert.equal(operator.statusCode, 201, operator.body);
      assert.deepEqual([operator.json().account.establishmentId, operator.json().account.isEstablishmentOwner], ['LODGING-0042', false]);
      assertProblem(
        await inject('POST', '/api/v1/identity/establishment/operators', ownerHeaders, { requestId: 'operator-0002', username: 'kiem.soat', displayName: 'Bảo vệ', roles: ['checkpoint_operator'] }),
        422,
        'IDENTITY_ROLES_INVALID',
      );
      const listed = await inject('GET', '/api/v1/identity/establishment/operators', ownerHeaders);
      assert.deepEqual(listed.json().items.map((item: { username: string }) => item.username).sort(), ['khachsan.hoa.sen', 'letan.hoa.sen']);
      const operatorHeaders = await as('host', { sub: operator.json().account.id });
      assertProblem(await inject('POST', '/api/v1/identity/establishment/operators', operatorHeaders, { requestId: 'operator-0003', username: 'ke.gian', displayName: 'X', roles: ['host'] }), 403, 'IDENTITY_NOT_ESTABLISHMENT_OWNER');
    });
  });

  describe('children under 14', () => {
    it('attaches a child of the parent’s household, and refuses a stranger’s child', async () => {
      const [pair] = await platform.kernel.db.query<{ parent: string; parent_name: string; parent_birth: string; child: string; child_name: string; child_birth: string }>(
        `SELECT a.person_id AS parent, a.full_name AS parent_name, a.birth_date AS parent_birth, c.person_id AS child, c.full_name AS child_name, c.birth_date AS child_birth
           FROM registry.person a JOIN registry.person c ON c.household_id = a.household_id AND c.person_id <> a.person_id
          WHERE a.status = 'living' AND c.status = 'living' AND a.birth_date < '2000-01-01' AND c.birth_date > '2013-06-01'
            AND NOT EXISTS (SELECT 1 FROM identity.account x WHERE x.person_id = a.person_id)
          ORDER BY a.person_id LIMIT 1`,
      );
      assert.ok(pair, 'the synthetic town has a household with a child under 14');
      const id = await startRegistration({ person_id: pair.parent, full_name: pair.parent_name, birth_date: pair.parent_birth }, '0912000301');
      const created = await inject('POST', `/api/v1/identity/registrations/${id}/confirmation`, {}, { code: lastCode('0912000301'), password: PASSWORD });
      const headers = await as('citizen', { sub: created.json().accountId, personId: pair.parent });
      const attached = await inject('POST', '/api/v1/identity/me/dependants', headers, { personId: pair.child, fullName: pair.child_name, birthDate: pair.child_birth });
      assert.equal(attached.statusCode, 201, attached.body);
      const listed = await inject('GET', '/api/v1/identity/me/dependants', headers);
      assert.deepEqual(listed.json().map((item: { personId: string }) => item.personId), [pair.child]);
      assertProblem(await inject('POST', '/api/v1/identity/me/dependants', headers, { personId: people[3]!.person_id, fullName: people[3]!.full_name, birthDate: people[3]!.birth_date }), 422, 'IDENTITY_DEPENDANT_INVALID');
    });
  });

  describe('client registry', () => {
    it('registers, reads, changes, disables and re-keys relying parties; the platform’s own client is protected', async () => {
      const headers = await as('admin', { sub: 'admin-1', wards: ['*'] });
      const registered = await inject('POST', '/api/v1/identity/clients', headers, {
        requestId: 'client-route-0001',
        clientId: 'truong-thcs-yen-bac',
        name: 'Trường THCS Yên Bắc',
        kind: 'relying_party',
        purpose: 'Giáo viên đăng nhập phần mềm quản lý trường học',
        redirectUris: ['https://truong.example.vn/callback'],
        scopes: ['openid', 'profile'],
      });
      assert.equal(registered.statusCode, 201, registered.body);
      assert.match(registered.json().clientSecret, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(registered.json().client.subjectType, 'pairwise');
      const [stored] = await platform.kernel.db.query<{ secret_hash: string }>(`SELECT secret_hash FROM identity.client WHERE client_id = 'truong-thcs-yen-bac'`);
      assert.notEqual(stored!.secret_hash, registered.json().clientSecret, 'only a hash of the secret is stored');
      assertProblem(
        await inject('POST', '/api/v1/identity/clients', headers, { requestId: 'client-route-0002', name: 'X', kind: 'relying_party', purpose: 'thử nghiệm', redirectUris: ['https://a.example/cb#frag'] }),
        422,
        'IDENTITY_CLIENT_INVALID',
      );
      assertProblem(
        await inject('POST', '/api/v1/identity/clients', headers, { requestId: 'client-route-0003', name: 'X', kind: 'relying_party', purpose: 'thử nghiệm', redirectUris: ['https://a.example/cb', 'https://b.example/cb'] }),
        422,
        'IDENTITY_CLIENT_INVALID',
      );
      const listed = await inject('GET', '/api/v1/identity/clients', headers);
      assert.ok(listed.json().items.some((item: { clientId: string }) => item.clientId === 'da06-web'));
      const disabled = await inject('PATCH', '/api/v1/identity/clients/truong-thcs-yen-bac', headers, { status: 'disabled' });
      assert.equal(disabled.json().status, 'disabled');
      const rekeyed = await inject('POST', '/api/v1/identity/clients/truong-thcs-yen-bac/secret', headers);
      assert.notEqual(rekeyed.json().clientSecret, registered.json().clientSecret);
      assertProblem(await inject('PATCH', '/api/v1/identity/clients/da06-web', headers, { status: 'disabled' }), 409, 'IDENTITY_CLIENT_PROTECTED');
      assertProblem(await inject('GET', '/api/v1/identity/clients/no-such-client', headers), 404, 'IDENTITY_CLIENT_NOT_FOUND');
    });
  });
});
