/**
 * The only code that touches the identity.* tables (the OpenID provider's adapter included, see oidc.adapter.ts).
 */
import type { Queryable } from '../../kernel/db.ts';
import type { ThrottleState } from './brute-force.ts';

export type AccountKind = 'citizen' | 'staff' | 'business';

export interface AccountRow {
  id: string;
  kind: AccountKind;
  username: string;
  person_id: string | null;
  display_name: string;
  phone: string | null;
  password_hash: string | null;
  password_changed_at: Date | null;
  password_must_change: boolean;
  roles: string[];
  wards: string[];
  unit_id: string | null;
  establishment_id: string | null;
  establishment_kind: string | null;
  is_establishment_owner: boolean;
  eid_level: 1 | 2 | null;
  totp_secret: string | null;
  totp_last_step: number | null;
  status: 'active' | 'disabled';
  is_demo: boolean;
  created_at: Date;
  created_by: string;
  updated_at: Date;
}

export type AccountInsert = Omit<AccountRow, 'password_changed_at' | 'totp_last_step' | 'updated_at'> & { password_changed_at?: Date | null };

const ACCOUNT_COLUMNS = [
  'id', 'kind', 'username', 'person_id', 'display_name', 'phone', 'password_hash', 'password_changed_at', 'password_must_change', 'roles', 'wards',
  'unit_id', 'establishment_id', 'establishment_kind', 'is_establishment_owner', 'eid_level', 'totp_secret', 'status', 'is_demo', 'created_at', 'created_by',
] as const;

export async function insertAccount(q: Queryable, row: AccountInsert): Promise<void> {
  const values = ACCOUNT_COLUMNS.map((column) => (row as unknown as Record<string, unknown>)[column] ?? null);
  await q.query(
    `INSERT INTO identity.account (${ACCOUNT_COLUMNS.join(', ')}, updated_at)
     VALUES (${ACCOUNT_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')}, $${ACCOUNT_COLUMNS.length + 1})`,
    [...values, row.created_at],
  );
}

export async function findAccountById(q: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<AccountRow | undefined> {
  const [row] = await q.query<AccountRow>(`SELECT * FROM identity.account WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row;
}

export async function findAccountByUsername(q: Queryable, username: string): Promise<AccountRow | undefined> {
  const [row] = await q.query<AccountRow>('SELECT * FROM identity.account WHERE username = $1', [username]);
  return row;
}

export async function findAccountByPerson(q: Queryable, personId: string, options: { forUpdate?: boolean } = {}): Promise<AccountRow | undefined> {
  const [row] = await q.query<AccountRow>(`SELECT * FROM identity.account WHERE person_id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [personId]);
  return row;
}

export type AccountChange = Partial<Pick<AccountRow,
  'display_name' | 'phone' | 'password_hash' | 'password_changed_at' | 'password_must_change' | 'roles' | 'wards' | 'unit_id' | 'eid_level' | 'totp_secret' | 'totp_last_step' | 'status'>>;

export async function updateAccount(q: Queryable, id: string, change: AccountChange, at: Date): Promise<void> {
  const entries = Object.entries(change).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return;
  await q.query(
    `UPDATE identity.account SET ${entries.map(([column], index) => `${column} = $${index + 2}`).join(', ')}, updated_at = $${entries.length + 2} WHERE id = $1`,
    [id, ...entries.map(([, value]) => value), at],
  );
}

/** Accepts a TOTP time step only when it is later than the last one accepted (atomic: two racing requests, one wins). */
export async function claimTotpStep(q: Queryable, id: string, step: number): Promise<boolean> {
  return (await q.run('UPDATE identity.account SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)', [id, step])) === 1;
}

export interface AccountFilter {
  kind?: AccountKind | undefined;
  q?: string | undefined;
  establishmentId?: string | undefined;
  limit: number;
  offset: number;
}

export async function listAccounts(q: Queryable, filter: AccountFilter): Promise<{ rows: AccountRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
  if (filter.establishmentId) where.push(`establishment_id = $${params.push(filter.establishmentId)}`);
  if (filter.q) where.push(`(username = $${params.push(filter.q)} OR lower(display_name) LIKE $${params.push(`%${filter.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`)})`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = await q.query<AccountRow>(`SELECT * FROM identity.account ${clause} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, filter.limit, filter.offset]);
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM identity.account ${clause}`, params);
  return { rows, total: count?.n ?? 0 };
}

/** Demo accounts still able to sign in (their passwords are published in the README). */
export async function countDemoAccounts(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM identity.account WHERE is_demo AND status = 'active'`);
  return row?.n ?? 0;
}

// Dependants (children under 14 under a parent's account).

export async function insertDependant(q: Queryable, guardianAccountId: string, personId: string, at: Date): Promise<void> {
  await q.query('INSERT INTO identity.dependant (guardian_account_id, person_id, added_at) VALUES ($1, $2, $3) ON CONFLICT ON CONSTRAINT dependant_pk DO NOTHING', [guardianAccountId, personId, at]);
}

export async function listDependants(q: Queryable, guardianAccountId: string): Promise<Array<{ person_id: string; added_at: Date }>> {
  return q.query('SELECT person_id, added_at FROM identity.dependant WHERE guardian_account_id = $1 ORDER BY added_at', [guardianAccountId]);
}

// Passkeys.

export interface PasskeyRow {
  credential_id: string;
  account_id: string;
  public_key: Buffer;
  counter: number;
  transports: string[];
  device_type: string;
  backed_up: boolean;
  label: string;
  created_at: Date;
  last_used_at: Date | null;
}

export async function insertPasskey(q: Queryable, row: Omit<PasskeyRow, 'last_used_at'>): Promise<void> {
  await q.query(
    `INSERT INTO identity.passkey (credential_id, account_id, public_key, counter, transports, device_type, backed_up, label, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [row.credential_id, row.account_id, row.public_key, row.counter, row.transports, row.device_type, row.backed_up, row.label, row.created_at],
  );
}

export async function findPasskey(q: Queryable, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await q.query<PasskeyRow>('SELECT * FROM identity.passkey WHERE credential_id = $1', [credentialId]);
  return row;
}

export async function listPasskeys(q: Queryable, accountId: string): Promise<PasskeyRow[]> {
  return q.query<PasskeyRow>('SELECT * FROM identity.passkey WHERE account_id = $1 ORDER BY created_at', [accountId]);
}

/** Records a use; refuses (false) a counter that did not grow when the authenticator keeps one (a clone). */
export async function usePasskey(q: Queryable, credentialId: string, newCounter: number, at: Date): Promise<boolean> {
  return (
    (await q.run('UPDATE identity.passkey SET counter = $2, last_used_at = $3 WHERE credential_id = $1 AND (counter = 0 AND $2 = 0 OR counter < $2)', [credentialId, newCounter, at])) === 1
  );
}

export async function deletePasskey(q: Queryable, accountId: string, credentialId: string): Promise<boolean> {
  return (await q.run('DELETE FROM identity.passkey WHERE account_id = $1 AND credential_id = $2', [accountId, credentialId])) === 1;
}

// WebAuthn challenges.

export async function saveChallenge(q: Queryable, row: { id: string; purpose: 'register' | 'login'; accountId: string | null; challenge: string; expiresAt: Date }): Promise<void> {
  await q.query(
    `INSERT INTO identity.webauthn_challenge (id, purpose, account_id, challenge, expires_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT webauthn_challenge_pk DO UPDATE SET purpose = excluded.purpose, account_id = excluded.account_id, challenge = excluded.challenge, expires_at = excluded.expires_at`,
    [row.id, row.purpose, row.accountId, row.challenge, row.expiresAt],
  );
}

/** Takes a challenge out (one ceremony per challenge); expired ones are not returned. */
export async function takeChallenge(q: Queryable, id: string, purpose: 'register' | 'login', now: Date): Promise<{ challenge: string; account_id: string | null } | undefined> {
  const [row] = await q.query<{ challenge: string; account_id: string | null; expires_at: Date }>(
    'DELETE FROM identity.webauthn_challenge WHERE id = $1 AND purpose = $2 RETURNING challenge, account_id, expires_at',
    [id, purpose],
  );
  return row && row.expires_at > now ? row : undefined;
}

// Login throttling.

interface ThrottleRow {
  key: string;
  failures: number;
  last_failure_at: Date;
  not_before: Date | null;
  locked_until: Date | null;
}

function toState(row: ThrottleRow): ThrottleState {
  return { failures: row.failures, lastFailureAt: row.last_failure_at, notBefore: row.not_before, lockedUntil: row.locked_until };
}

export async function findThrottles(q: Queryable, keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await q.query<ThrottleRow>('SELECT key, failures, last_failure_at, not_before, locked_until FROM identity.login_throttle WHERE key = ANY($1::text[])', [keys]);
  return new Map(rows.map((row) => [row.key, toState(row)]));
}

export async function findThrottleForUpdate(q: Queryable, key: string): Promise<ThrottleState | undefined> {
  const [row] = await q.query<ThrottleRow>('SELECT key, failures, last_failure_at, not_before, locked_until FROM identity.login_throttle WHERE key = $1 FOR UPDATE', [key]);
  return row ? toState(row) : undefined;
}

export async function saveThrottle(q: Queryable, key: string, state: ThrottleState, options: { lockStarted: boolean; accountId: string | null }): Promise<void> {
  await q.query(
    `INSERT INTO identity.login_throttle (key, failures, last_failure_at, not_before, locked_until, unlock_pending, account_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT ON CONSTRAINT login_throttle_pk DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
       not_before = excluded.not_before, locked_until = excluded.locked_until,
       unlock_pending = identity.login_throttle.unlock_pending OR excluded.unlock_pending,
       account_id = coalesce(excluded.account_id, identity.login_throttle.account_id)`,
    [key, state.failures, state.lastFailureAt, state.notBefore, state.lockedUntil, options.lockStarted, options.accountId],
  );
}

/** Forgets a name's failures after a successful login (a lock whose end is not yet audited stays for the sweep). */
export async function clearThrottle(q: Queryable, key: string): Promise<void> {
  await q.query('DELETE FROM identity.login_throttle WHERE key = $1 AND NOT unlock_pending', [key]);
}

/**
 * Claims locks that have ended and whose end is not yet audited (optionally among `keys`): each end is returned to
 * exactly one caller, whichever process asks first.
 */
export async function claimEndedLocks(q: Queryable, now: Date, keys?: string[]): Promise<Array<{ key: string; account_id: string | null; locked_until: Date | null }>> {
  return q.query(
    `UPDATE identity.login_throttle SET unlock_pending = false
      WHERE unlock_pending AND (locked_until IS NULL OR locked_until <= $1) AND ($2::text[] IS NULL OR key = ANY($2::text[]))
      RETURNING key, account_id, locked_until`,
    [now, keys ?? null],
  );
}

/** Ends locks early (an administrator's decision); returns the keys that were locked. */
export async function endLocksNow(q: Queryable, keys: string[]): Promise<Array<{ key: string; account_id: string | null; locked_until: Date | null }>> {
  return q.query(
    `UPDATE identity.login_throttle SET unlock_pending = false, failures = 0, not_before = NULL, locked_until = NULL
      WHERE key = ANY($1::text[]) AND (unlock_pending OR locked_until IS NOT NULL)
      RETURNING key, account_id, locked_until`,
    [keys],
  );
}

// Registrations.

export interface RegistrationRow {
  id: string;
  person_id: string;
  phone: string;
  display_name: string | null;
  matched: boolean;
  code_hash: string;
  attempts: number;
  created_at: Date;
  expires_at: Date;
  completed_at: Date | null;
}

export async function insertRegistration(q: Queryable, row: Omit<RegistrationRow, 'attempts' | 'completed_at'>): Promise<void> {
  await q.query(
    `INSERT INTO identity.registration (id, person_id, phone, display_name, matched, code_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.person_id, row.phone, row.display_name, row.matched, row.code_hash, row.created_at, row.expires_at],
  );
}

export async function findRegistrationForUpdate(q: Queryable, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await q.query<RegistrationRow>('SELECT * FROM identity.registration WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

export async function countRecentRegistrations(q: Queryable, personId: string, since: Date): Promise<number> {
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM identity.registration WHERE person_id = $1 AND created_at > $2', [personId, since]);
  return row?.n ?? 0;
}

export async function updateRegistration(q: Queryable, id: string, change: { attempts?: number; completed_at?: Date }): Promise<void> {
  await q.query('UPDATE identity.registration SET attempts = coalesce($2, attempts), completed_at = coalesce($3, completed_at) WHERE id = $1', [id, change.attempts ?? null, change.completed_at ?? null]);
}

// Login progress (per OpenID interaction).

export interface LoginProgressRow {
  uid: string;
  account_id: string;
  step: 'change_password' | 'totp' | 'totp_enrol' | 'otp';
  amr: string[];
  pending_totp_secret: string | null;
  otp_hash: string | null;
  otp_attempts: number;
  otp_sent_at: Date | null;
  expires_at: Date;
}

export async function saveLoginProgress(q: Queryable, row: Omit<LoginProgressRow, 'otp_attempts'> & { otp_attempts?: number }): Promise<void> {
  await q.query(
    `INSERT INTO identity.login_progress (uid, account_id, step, amr, pending_totp_secret, otp_hash, otp_attempts, otp_sent_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT ON CONSTRAINT login_progress_pk DO UPDATE SET account_id = excluded.account_id, step = excluded.step, amr = excluded.amr,
       pending_totp_secret = excluded.pending_totp_secret, otp_hash = excluded.otp_hash, otp_attempts = excluded.otp_attempts,
       otp_sent_at = excluded.otp_sent_at, expires_at = excluded.expires_at`,
    [row.uid, row.account_id, row.step, row.amr, row.pending_totp_secret, row.otp_hash, row.otp_attempts ?? 0, row.otp_sent_at, row.expires_at],
  );
}

export async function findLoginProgress(q: Queryable, uid: string, now: Date): Promise<LoginProgressRow | undefined> {
  const [row] = await q.query<LoginProgressRow>('SELECT * FROM identity.login_progress WHERE uid = $1 AND expires_at > $2', [uid, now]);
  return row;
}

export async function countOtpAttempt(q: Queryable, uid: string): Promise<number> {
  const [row] = await q.query<{ otp_attempts: number }>('UPDATE identity.login_progress SET otp_attempts = otp_attempts + 1 WHERE uid = $1 RETURNING otp_attempts', [uid]);
  return row?.otp_attempts ?? Number.MAX_SAFE_INTEGER;
}

export async function deleteLoginProgress(q: Queryable, uid: string): Promise<void> {
  await q.query('DELETE FROM identity.login_progress WHERE uid = $1', [uid]);
}

// Clients.

export interface ClientRow {
  client_id: string;
  name: string;
  kind: 'relying_party' | 'agency' | 'platform';
  secret_hash: string;
  token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post';
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  grant_types: string[];
  scopes: string[];
  subject_type: 'public' | 'pairwise';
  sector_identifier: string | null;
  purpose: string;
  api_access: boolean;
  first_party: boolean;
  roles: string[];
  wards: string[];
  status: 'active' | 'disabled';
  created_at: Date;
  created_by: string;
  updated_at: Date;
}

const CLIENT_COLUMNS = [
  'client_id', 'name', 'kind', 'secret_hash', 'token_endpoint_auth_method', 'redirect_uris', 'post_logout_redirect_uris', 'grant_types', 'scopes', 'subject_type',
  'sector_identifier', 'purpose', 'api_access', 'first_party', 'roles', 'wards', 'status', 'created_at', 'created_by', 'updated_at',
] as const;

/** Inserts a client, or (with `replace`) overwrites it: the platform's own web client is re-declared at every start. */
export async function upsertClient(q: Queryable, row: ClientRow, options: { replace: boolean }): Promise<void> {
  const update = options.replace
    ? `DO UPDATE SET ${CLIENT_COLUMNS.filter((column) => column !== 'client_id' && column !== 'created_at' && column !== 'created_by').map((column) => `${column} = excluded.${column}`).join(', ')}`
    : 'DO NOTHING';
  await q.query(
    `INSERT INTO identity.client (${CLIENT_COLUMNS.join(', ')}) VALUES (${CLIENT_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})
     ON CONFLICT ON CONSTRAINT client_pk ${update}`,
    CLIENT_COLUMNS.map((column) => row[column]),
  );
}

export async function insertClient(q: Queryable, row: ClientRow): Promise<boolean> {
  const inserted = await q.run(
    `INSERT INTO identity.client (${CLIENT_COLUMNS.join(', ')}) VALUES (${CLIENT_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})
     ON CONFLICT ON CONSTRAINT client_pk DO NOTHING`,
    CLIENT_COLUMNS.map((column) => row[column]),
  );
  return inserted === 1;
}

export async function findClient(q: Queryable, clientId: string): Promise<ClientRow | undefined> {
  const [row] = await q.query<ClientRow>('SELECT * FROM identity.client WHERE client_id = $1', [clientId]);
  return row;
}

export async function listClients(q: Queryable, page: { limit: number; offset: number }): Promise<{ rows: ClientRow[]; total: number }> {
  const rows = await q.query<ClientRow>('SELECT * FROM identity.client ORDER BY created_at, client_id LIMIT $1 OFFSET $2', [page.limit, page.offset]);
  const [count] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM identity.client');
  return { rows, total: count?.n ?? 0 };
}

export async function updateClient(
  q: Queryable,
  clientId: string,
  change: Partial<Pick<ClientRow, 'name' | 'secret_hash' | 'redirect_uris' | 'post_logout_redirect_uris' | 'scopes' | 'purpose' | 'status' | 'roles' | 'wards'>>,
  at: Date,
): Promise<void> {
  const entries = Object.entries(change).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return;
  await q.query(
    `UPDATE identity.client SET ${entries.map(([column], index) => `${column} = $${index + 2}`).join(', ')}, updated_at = $${entries.length + 2} WHERE client_id = $1`,
    [clientId, ...entries.map(([, value]) => value), at],
  );
}

// Server secrets.

export async function ensureServerSecret(q: Queryable, name: string, candidate: Buffer): Promise<Buffer> {
  await q.query('INSERT INTO identity.server_secret (name, value) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT server_secret_pk DO NOTHING', [name, candidate]);
  const [row] = await q.query<{ value: Buffer }>('SELECT value FROM identity.server_secret WHERE name = $1', [name]);
  return Buffer.from(row!.value);
}

// Web sessions (backend-for-frontend).

export interface WebSessionRow {
  id_hash: string;
  account_id: string;
  sealed_tokens: Buffer;
  access_expires_at: Date;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  version: number;
}

export async function insertWebSession(q: Queryable, row: Omit<WebSessionRow, 'version'>): Promise<void> {
  await q.query(
    `INSERT INTO identity.web_session (id_hash, account_id, sealed_tokens, access_expires_at, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.id_hash, row.account_id, row.sealed_tokens, row.access_expires_at, row.created_at, row.last_seen_at, row.expires_at],
  );
}

export async function findWebSession(q: Queryable, idHash: string, now: Date): Promise<WebSessionRow | undefined> {
  const [row] = await q.query<WebSessionRow>('SELECT * FROM identity.web_session WHERE id_hash = $1 AND expires_at > $2', [idHash, now]);
  return row;
}

/** Stores refreshed tokens unless another request already did (optimistic: the version must not have moved). */
export async function replaceWebSessionTokens(q: Queryable, idHash: string, version: number, sealed: Buffer, accessExpiresAt: Date, now: Date): Promise<boolean> {
  return (
    (await q.run(
      'UPDATE identity.web_session SET sealed_tokens = $3, access_expires_at = $4, last_seen_at = $5, version = version + 1 WHERE id_hash = $1 AND version = $2',
      [idHash, version, sealed, accessExpiresAt, now],
    )) === 1
  );
}

export async function deleteWebSession(q: Queryable, idHash: string): Promise<WebSessionRow | undefined> {
  const [row] = await q.query<WebSessionRow>('DELETE FROM identity.web_session WHERE id_hash = $1 RETURNING *', [idHash]);
  return row;
}

export async function insertWebLogin(q: Queryable, row: { state_hash: string; code_verifier: string; nonce: string; return_to: string; expires_at: Date }): Promise<void> {
  await q.query('INSERT INTO identity.web_login (state_hash, code_verifier, nonce, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    row.state_hash,
    row.code_verifier,
    row.nonce,
    row.return_to,
    row.expires_at,
  ]);
}

/** Takes a sign-in out: a state is used once (RFC 6749 §10.12). */
export async function takeWebLogin(q: Queryable, stateHash: string, now: Date): Promise<{ code_verifier: string; nonce: string; return_to: string } | undefined> {
  const [row] = await q.query<{ code_verifier: string; nonce: string; return_to: string; expires_at: Date }>(
    'DELETE FROM identity.web_login WHERE state_hash = $1 RETURNING code_verifier, nonce, return_to, expires_at',
    [stateHash],
  );
  return row && row.expires_at > now ? row : undefined;
}

// Consents (the provider's grants), for the person who gave them.

export interface GrantRow {
  id: string;
  client_id: string;
  scope: string;
  resources: Record<string, string>;
  granted_at: number;
  expires_at: Date | null;
}

/** The grants (consents) an account gave, newest first; only unexpired ones. */
export async function listGrants(q: Queryable, accountId: string, now: Date): Promise<GrantRow[]> {
  return q.query<GrantRow>(
    `SELECT id, payload->>'clientId' AS client_id, coalesce(payload->'openid'->>'scope', '') AS scope,
            coalesce(payload->'resources', '{}'::jsonb) AS resources, (payload->>'iat')::bigint AS granted_at, expires_at
       FROM identity.oidc_payload
      WHERE model = 'Grant' AND payload->>'accountId' = $1 AND (expires_at IS NULL OR expires_at > $2)
      ORDER BY (payload->>'iat')::bigint DESC`,
    [accountId, now],
  );
}

/** Withdraws an account's consents to one client: the grants and every token issued under them. */
export async function deleteGrants(q: Queryable, accountId: string, clientId: string): Promise<number> {
  const grants = await q.query<{ id: string }>(
    `DELETE FROM identity.oidc_payload WHERE model = 'Grant' AND payload->>'accountId' = $1 AND payload->>'clientId' = $2 RETURNING id`,
    [accountId, clientId],
  );
  if (grants.length > 0) await q.query('DELETE FROM identity.oidc_payload WHERE grant_id = ANY($1::text[])', [grants.map((grant) => grant.id)]);
  return grants.length;
}

/**
 * Deletes what has expired. Provider records, web sessions and sign-ins follow the tokens' clock (`tokenNow`, the
 * real time the JWT libraries check against); the rest follows the platform clock.
 */
export async function deleteExpired(q: Queryable, now: Date, tokenNow: Date): Promise<number> {
  let deleted = 0;
  deleted += await q.run('DELETE FROM identity.oidc_payload WHERE expires_at < $1', [tokenNow]);
  deleted += await q.run('DELETE FROM identity.web_session WHERE expires_at < $1', [tokenNow]);
  deleted += await q.run('DELETE FROM identity.web_login WHERE expires_at < $1', [tokenNow]);
  deleted += await q.run('DELETE FROM identity.webauthn_challenge WHERE expires_at < $1', [now]);
  deleted += await q.run('DELETE FROM identity.login_progress WHERE expires_at < $1', [now]);
  deleted += await q.run(`DELETE FROM identity.registration WHERE expires_at < $1 - interval '1 day'`, [now]);
  return deleted;
}
