/**
 * The platform's signing keys (ES256, RFC 7518 §3.4).
 *
 * Keys come from configuration (JWT_PRIVATE_JWK) or are generated on first start into DATA_DIR/keys, one file per
 * key, named by its RFC 7638 thumbprint. The newest key signs; every key on file verifies, so a rotation
 * (`rotate()`) never invalidates tokens already issued. The OpenID provider signs with the same keys, so the API and
 * SSO share one token format and one JWKS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export const SIGNING_ALG = 'ES256';

export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  createdAt: Date;
}

export interface KeyStore {
  /** The key that signs new tokens (the newest). */
  current(): SigningKey;
  /** Every key that verifies, newest first. */
  all(): SigningKey[];
  /** The public JWKS (RFC 7517) to publish. */
  publicJwks(): { keys: JWK[] };
  /** Generates a new signing key; older keys keep verifying. */
  rotate(): Promise<SigningKey>;
}

interface StoredKey {
  jwk: JWK;
  createdAt: string;
}

export async function openKeyStore(options: { dataDir: string; configuredJwk?: string | undefined }): Promise<KeyStore> {
  const dir = path.join(options.dataDir, 'keys');
  let keys: SigningKey[];

  if (options.configuredJwk) {
    keys = [await toSigningKey(JSON.parse(options.configuredJwk) as JWK, new Date(0))];
  } else {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    keys = await readKeys(dir);
    if (keys.length === 0) keys = [await generateInto(dir, 'initial')];
  }

  return {
    current: () => keys[0]!,
    all: () => keys,
    publicJwks: () => ({ keys: keys.map((key) => key.publicJwk) }),
    async rotate() {
      if (options.configuredJwk) throw new Error('keys from JWT_PRIVATE_JWK are rotated by changing the configuration');
      const key = await generateInto(dir);
      keys = [key, ...keys];
      return key;
    },
  };
}

async function readKeys(dir: string): Promise<SigningKey[]> {
  const keys: SigningKey[] = [];
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.jwk.json'))) {
    const stored = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as StoredKey;
    keys.push(await toSigningKey(stored.jwk, new Date(stored.createdAt)));
  }
  return keys.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * Writes a new key atomically (a temporary file hard-linked into place). Two processes starting together on one data
 * dir both try to create `initial`: the link fails for the second, which then uses the first one's key.
 */
async function generateInto(dir: string, name?: string): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const createdAt = new Date();
  const key = await toSigningKey(await exportJWK(privateKey), createdAt);
  const stored: StoredKey = { jwk: key.privateJwk, createdAt: createdAt.toISOString() };
  const target = path.join(dir, `${name ?? key.kid}.jwk.json`);
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600 });
  try {
    fs.linkSync(temporary, target);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = JSON.parse(fs.readFileSync(target, 'utf8')) as StoredKey;
    return toSigningKey(winner.jwk, new Date(winner.createdAt));
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

async function toSigningKey(jwk: JWK, createdAt: Date): Promise<SigningKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) throw new Error('the signing key must be a private EC P-256 JWK');
  const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk));
  const privateJwk: JWK = { ...jwk, kid, alg: SIGNING_ALG, use: 'sig' };
  const { d: _d, ...publicPart } = privateJwk;
  const publicJwk: JWK = publicPart;
  return {
    kid,
    privateJwk,
    publicJwk,
    privateKey: (await importJWK(privateJwk, SIGNING_ALG)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, SIGNING_ALG)) as CryptoKey,
    createdAt,
  };
}
