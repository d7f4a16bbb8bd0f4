/**
 * oidc-provider's storage on PostgreSQL (or PGlite): one table, identity.oidc_payload, keyed by (model, id).
 *
 * Rules enforced:
 * - every record carries its expiry; an expired record is never returned and a sweep deletes it;
 * - consuming a one-use record (authorization code, rotated refresh token) is atomic: of two requests racing with
 *   the same code, exactly one wins and the other gets invalid_grant (RFC 6749 §4.1.2 and §10.5: a code is used
 *   once; RFC 9700 §4.14.2: a refresh token is used once when rotated);
 * - revoking a grant deletes every token issued under it (RFC 7009 §2.1, and code replay in §10.5);
 * - clients are not stored here: the "Client" model reads the client registry (identity.client), with a short cache
 *   because every token request looks its client up.
 * Times follow the provider's clock (real time), not the platform's injectable clock.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Database } from '../../kernel/db.ts';
import { oidcErrors } from './oidc.runtime.ts';

export interface ClientSource {
  metadata(clientId: string): Promise<Record<string, unknown> | undefined>;
}

interface Row {
  payload: AdapterPayload;
  consumed_at: Date | null;
}

function withConsumed(row: Row | undefined): AdapterPayload | undefined {
  if (!row) return undefined;
  return row.consumed_at ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : row.payload;
}

export function createAdapterClass(db: Database, clients: ClientSource): new (model: string) => Adapter {
  return class PostgresAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void> {
      const expiresAt = typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : null;
      await db.query(
        `INSERT INTO identity.oidc_payload (model, id, payload, grant_id, uid, user_code, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT ON CONSTRAINT oidc_payload_pk DO UPDATE
           SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid, user_code = excluded.user_code, expires_at = excluded.expires_at`,
        [this.model, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null, payload.userCode ?? null, expiresAt],
      );
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return (await clients.metadata(id)) as AdapterPayload | undefined;
      const [row] = await db.query<Row>(
        'SELECT payload, consumed_at FROM identity.oidc_payload WHERE model = $1 AND id = $2 AND (expires_at IS NULL OR expires_at > $3)',
        [this.model, id, new Date()],
      );
      return withConsumed(row);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const [row] = await db.query<Row>(
        'SELECT payload, consumed_at FROM identity.oidc_payload WHERE model = $1 AND user_code = $2 AND (expires_at IS NULL OR expires_at > $3)',
        [this.model, userCode, new Date()],
      );
      return withConsumed(row);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const [row] = await db.query<Row>(
        'SELECT payload, consumed_at FROM identity.oidc_payload WHERE model = $1 AND uid = $2 AND (expires_at IS NULL OR expires_at > $3)',
        [this.model, uid, new Date()],
      );
      return withConsumed(row);
    }

    async consume(id: string): Promise<void> {
      const consumed = await db.run('UPDATE identity.oidc_payload SET consumed_at = $3 WHERE model = $1 AND id = $2 AND consumed_at IS NULL', [this.model, id, new Date()]);
      if (consumed !== 1) throw new oidcErrors.InvalidGrant(`${this.model === 'RefreshToken' ? 'refresh token' : 'grant'} already used`);
    }

    async destroy(id: string): Promise<void> {
      await db.query('DELETE FROM identity.oidc_payload WHERE model = $1 AND id = $2', [this.model, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.query('DELETE FROM identity.oidc_payload WHERE grant_id = $1', [grantId]);
    }
  };
}
