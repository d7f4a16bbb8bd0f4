/**
 * Test helpers of the identity module: a minimal browser (cookie jar, manual redirects, HTML forms) that drives the
 * provider's pages over a real socket, a seeded citizen, and a software passkey authenticator.
 */
import assert from 'node:assert/strict';
import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type { Database } from '../../kernel/db.ts';
import { seedTown } from '../registry/index.ts';

export const TEST_TODAY = '2026-11-27';

/** A browser that speaks to `listenUrl` for pages addressed to `publicUrl` (the issuer the platform was built with). */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly listenUrl: string,
    private readonly publicUrl: string,
  ) {}

  /** The URL to actually fetch: the platform's public origin is served by the test listener. */
  rewrite(url: string): string {
    return url.startsWith(this.publicUrl) ? `${this.listenUrl}${url.slice(this.publicUrl.length)}` : url;
  }

  private absolute(url: string): string {
    return url.startsWith('/') ? `${this.publicUrl}${url}` : url;
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': 'vi', ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(this.rewrite(this.absolute(url)), { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (/max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * Follows redirects on the platform's origin; stops at a page (2xx/4xx) or at a redirect that leaves the platform
   * (to a relying party's redirect_uri). Returns the last response and, for a redirect out, its location.
   */
  async follow(url: string, init: Parameters<TestBrowser['request']>[1] = {}): Promise<{ response: Response; url: string; leftTo?: string }> {
    let current = this.absolute(url);
    let response = await this.request(current, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
      const next = new URL(location, current).href;
      if (!next.startsWith(this.publicUrl)) return { response, url: current, leftTo: next };
      current = next;
      response = await this.request(current);
    }
    throw new Error('too many redirects');
  }

  /** Submits the first form on `html` whose action contains `actionPart`, with `fields` over its hidden inputs. */
  async submit(html: string, actionPart: string, fields: Record<string, string>, baseUrl: string) {
    const forms = [...html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
    const form = forms.find((match) => decodeHtml(match[1]!).includes(actionPart));
    assert.ok(form, `no form posting to ${actionPart} in:\n${html.slice(0, 2000)}`);
    const hidden: Record<string, string> = {};
    for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1];
      if (name) hidden[name] = decodeHtml(value ?? '');
    }
    return this.follow(new URL(decodeHtml(form[1]!), baseUrl).href, { form: { ...hidden, ...fields } });
  }
}

export function decodeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

export interface SeededPerson {
  person_id: string;
  full_name: string;
  birth_date: string;
  ward_code: string;
  household_id: string | null;
}

/** A small synthetic town, and adults in it (living, 18 or older, distinct). */
export async function seedPeople(db: Database, count = 4): Promise<SeededPerson[]> {
  await seedTown(db, { residents: 300, seed: 5, today: TEST_TODAY });
  const adults = await db.query<SeededPerson>(
    `SELECT person_id, full_name, birth_date, ward_code, household_id FROM registry.person
      WHERE status = 'living' AND birth_date <= '2000-01-01' AND birth_date >= '1950-01-01' ORDER BY person_id LIMIT $1`,
    [count],
  );
  assert.equal(adults.length, count);
  return adults;
}

/**
 * A passkey authenticator in software (ES256, "none" attestation, user verified), enough to exercise the server's
 * WebAuthn checks end to end without a browser.
 */
export class SoftwarePasskey {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  private counter = 0;

  constructor(
    private readonly rpId: string,
    private readonly origin: string,
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicJwk = pair.publicKey.export({ format: 'jwk' }) as { x: string; y: string };
  }

  private clientData(type: string, challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  private authData(attested: boolean): Buffer {
    const rpIdHash = createHash('sha256').update(this.rpId).digest();
    // UP (0x01) + UV (0x04), and AT (0x40) when a credential is attached.
    const flags = Buffer.from([0x01 | 0x04 | (attested ? 0x40 : 0)]);
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    if (!attested) return Buffer.concat([rpIdHash, flags, counter]);
    const coseKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(this.publicJwk.x, 'base64url'))],
        [-3, new Uint8Array(Buffer.from(this.publicJwk.y, 'base64url'))],
      ]),
    );
    const length = Buffer.alloc(2);
    length.writeUInt16BE(this.credentialId.length);
    return Buffer.concat([rpIdHash, flags, counter, Buffer.alloc(16), length, this.credentialId, Buffer.from(coseKey)]);
  }

  /** navigator.credentials.create(…).toJSON() */
  register(options: { challenge: string }) {
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(this.authData(true))],
      ]),
    );
    const id = this.credentialId.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: { clientDataJSON: this.clientData('webauthn.create', options.challenge).toString('base64url'), attestationObject: Buffer.from(attestationObject).toString('base64url'), transports: ['internal'] },
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get(…).toJSON() */
  authenticate(options: { challenge: string }) {
    this.counter += 1;
    const authenticatorData = this.authData(false);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge);
    const signature = createSign('sha256').update(Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()])).sign(this.privateKey);
    const id = this.credentialId.toString('base64url');
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: { clientDataJSON: clientDataJSON.toString('base64url'), authenticatorData: authenticatorData.toString('base64url'), signature: signature.toString('base64url') },
      clientExtensionResults: {},
    };
  }
}
