/**
 * Model 31 end to end: a teacher opens the school system, signs in at DA06 with the e-ID (password), agrees to share
 * the profile, and lands back at the school, which shows the claims it received.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, type TestPlatform } from '../../server/test/support.ts';
import { seedTown } from '../../server/src/modules/registry/index.ts';
import { createSchoolServer } from './server.ts';

const PASSWORD = 'phấn trắng bảng đen năm ấy';

/** A browser for two origins: cookies per origin, manual redirects, the DA06 origin served by the test listener. */
function createBrowser(map: (url: string) => string) {
  const jars = new Map<string, Map<string, string>>();
  return async function go(url: string, init: { form?: Record<string, string> } = {}): Promise<{ response: Response; url: string }> {
    let current = url;
    let method = init.form ? 'POST' : 'GET';
    let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
    for (let hops = 0; hops < 20; hops++) {
      const origin = new URL(current).origin;
      const jar = jars.get(origin) ?? new Map<string, string>();
      jars.set(origin, jar);
      const headers: Record<string, string> = { 'accept-language': 'vi' };
      if (jar.size) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(map(current), { method, headers, body, redirect: 'manual' });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const [name = '', ...rest] = pair.split('=');
        if (/max-age=0/i.test(line)) jar.delete(name.trim());
        else jar.set(name.trim(), rest.join('='));
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      current = new URL(location, current).href;
      method = 'GET';
      body = undefined;
    }
    throw new Error('too many redirects');
  };
}

function formAction(html: string, part: string): string {
  const action = [...html.matchAll(/action="([^"]+)"/g)].map((match) => match[1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))).find((value) => value.includes(part));
  assert.ok(action, `no form posting to ${part}`);
  return action;
}

describe('example relying party: a school signs teachers in through DA06 (model 31)', () => {
  let platform: TestPlatform;
  let school: ReturnType<typeof createSchoolServer>;
  let schoolUrl: string;
  let da06Url: string;
  let teacher: { person_id: string; full_name: string; birth_date: string };

  before(async () => {
    platform = await createTestPlatform();
    await platform.app.listen({ host: '127.0.0.1', port: 0 });
    da06Url = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
    await seedTown(platform.kernel.db, { residents: 200, seed: 31, today: '2026-11-27' });
    [teacher] = (await platform.kernel.db.query<{ person_id: string; full_name: string; birth_date: string }>(
      `SELECT person_id, full_name, birth_date FROM registry.person WHERE status = 'living' AND birth_date BETWEEN '1970-01-01' AND '1999-12-31' ORDER BY person_id LIMIT 1`,
    )) as [typeof teacher];
    const started = await platform.app.inject({ method: 'POST', url: '/api/v1/identity/registrations', payload: { personId: teacher.person_id, fullName: teacher.full_name, birthDate: teacher.birth_date, phone: '0987000031' } });
    const code = /(\d{6})/.exec(platform.kernel.devInbox!.list('0987000031').at(-1)!.body)![1]!;
    await platform.app.inject({ method: 'POST', url: `/api/v1/identity/registrations/${started.json().registrationId}/confirmation`, payload: { code, password: PASSWORD } });

    school = createSchoolServer({ issuer: 'pending', clientId: 'pending', clientSecret: 'pending', baseUrl: 'http://127.0.0.1' });
    await new Promise<void>((resolve) => school.listen(0, '127.0.0.1', resolve));
    schoolUrl = `http://127.0.0.1:${(school.address() as AddressInfo).port}`;
    school.close();
    const admin = await platform.token('admin', { wards: ['*'] });
    const registered = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/identity/clients',
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        requestId: 'school-example-01',
        name: 'Trường THCS Duy Tiên',
        kind: 'relying_party',
        purpose: 'Giáo viên đăng nhập phần mềm quản lý trường học',
        redirectUris: [`${schoolUrl}/callback`],
        postLogoutRedirectUris: [`${schoolUrl}/`],
        scopes: ['openid', 'profile'],
      },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const publicUrl = platform.kernel.config.publicUrl;
    school = createSchoolServer({
      issuer: `${publicUrl}/oidc`,
      clientId: registered.json().client.clientId,
      clientSecret: registered.json().clientSecret,
      baseUrl: schoolUrl,
      fetch: (url, options) => fetch(url.replace(publicUrl, da06Url), options as RequestInit),
    });
    await new Promise<void>((resolve) => school.listen(Number(new URL(schoolUrl).port), '127.0.0.1', resolve));
  });
  after(async () => {
    await new Promise((resolve) => school.close(resolve));
    await platform.close();
  });

  it('signs a teacher in with the e-ID and shows the claims the school received', async () => {
    const publicUrl = platform.kernel.config.publicUrl;
    const go = createBrowser((url) => url.replace(publicUrl, da06Url));
    let step = await go(`${schoolUrl}/login`);
    let html = await step.response.text();
    assert.match(html, /Trường THCS Duy Tiên/, 'the DA06 login page names the school');
    step = await go(new URL(formAction(html, '/password'), step.url).href, { form: { username: teacher.person_id, password: PASSWORD, lang: 'vi' } });
    html = await step.response.text();
    assert.match(html, /Họ và tên, giới tính/, 'the consent page says what is shared');
    step = await go(new URL(formAction(html, '/consent'), step.url).href, { form: { decision: 'allow', lang: 'vi' } });
    assert.equal(step.url, `${schoolUrl}/`);
    html = await step.response.text();
    assert.match(html, new RegExp(`Xin chào ${teacher.full_name}`));
    assert.match(html, /<th scope="row">sub<\/th>/);
    assert.ok(!html.includes(teacher.person_id), 'the school did not ask for, and does not get, the personal id number');
  });
});
