-- E-ID accounts, login and the town's OpenID Connect provider (module identity).
-- Accounts of citizens (Nghị định 69/2024/NĐ-CP levels 1 and 2), staff and businesses; what the login needs to stay
-- safe (throttling, second factors, passkeys); the client registry of relying parties; the OpenID provider's own
-- state; and the web app's server-side sessions (backend-for-frontend). Every personal-data column says so.
CREATE SCHEMA identity;
COMMENT ON SCHEMA identity IS 'E-ID accounts, login, OpenID Connect provider and web sessions (module identity).';

-- Secrets the provider derives its keys from (pairwise subject salt, cookie keys, the web client''s credential).
CREATE TABLE identity.server_secret (
  name        text        NOT NULL,
  value       bytea       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT server_secret_pk PRIMARY KEY (name),
  CONSTRAINT server_secret_length_ck CHECK (octet_length(value) >= 32)
);
COMMENT ON TABLE identity.server_secret IS 'Random secrets shared by every server process (generated once); never leave the database.';
COMMENT ON COLUMN identity.server_secret.value IS 'Secret key material (confidential).';

CREATE TABLE identity.account (
  id                      text        NOT NULL,
  kind                    text        NOT NULL,
  username                text        NOT NULL,
  person_id               text,
  display_name            text        NOT NULL,
  phone                   text,
  password_hash           text,
  password_changed_at     timestamptz,
  password_must_change    boolean     NOT NULL DEFAULT false,
  roles                   text[]      NOT NULL,
  wards                   text[]      NOT NULL DEFAULT '{}',
  unit_id                 text,
  establishment_id        text,
  establishment_kind      text,
  is_establishment_owner  boolean     NOT NULL DEFAULT false,
  eid_level               smallint,
  totp_secret             text,
  totp_last_step          bigint,
  status                  text        NOT NULL DEFAULT 'active',
  is_demo                 boolean     NOT NULL DEFAULT false,
  created_at              timestamptz NOT NULL,
  created_by              text        NOT NULL,
  updated_at              timestamptz NOT NULL,
  CONSTRAINT account_pk PRIMARY KEY (id),
  CONSTRAINT account_username_uq UNIQUE (username),
  CONSTRAINT account_kind_ck CHECK (kind IN ('citizen', 'staff', 'business')),
  CONSTRAINT account_status_ck CHECK (status IN ('active', 'disabled')),
  CONSTRAINT account_citizen_person_ck CHECK ((kind = 'citizen') = (person_id IS NOT NULL)),
  CONSTRAINT account_eid_level_ck CHECK ((kind = 'citizen' AND eid_level IN (1, 2)) OR (kind <> 'citizen' AND eid_level IS NULL)),
  CONSTRAINT account_business_ck CHECK (kind <> 'business' OR establishment_id IS NOT NULL),
  CONSTRAINT account_establishment_kind_ck CHECK (establishment_kind IS NULL OR establishment_kind IN
    ('hotel', 'rental_house', 'hospital', 'bus_operator', 'site_gate', 'pawn_shop', 'exam_centre'))
);
CREATE UNIQUE INDEX account_person_uq ON identity.account (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX account_establishment_ix ON identity.account (establishment_id) WHERE establishment_id IS NOT NULL;
CREATE INDEX account_demo_ix ON identity.account (id) WHERE is_demo;
COMMENT ON TABLE identity.account IS 'A person who signs in: a citizen (e-ID level 1 or 2), a staff member or a business operator.';
COMMENT ON COLUMN identity.account.username IS 'Login name: the personal id number for citizens (personal data).';
COMMENT ON COLUMN identity.account.person_id IS 'Personal id number of a citizen account (personal data).';
COMMENT ON COLUMN identity.account.display_name IS 'Full name shown in the interface (personal data).';
COMMENT ON COLUMN identity.account.phone IS 'Phone number one-time codes are sent to (personal data).';
COMMENT ON COLUMN identity.account.password_hash IS 'Argon2id hash of the password (PHC string; secret, never the password).';
COMMENT ON COLUMN identity.account.password_must_change IS 'True for a temporary password set by an administrator: changed at the next login.';
COMMENT ON COLUMN identity.account.roles IS 'Roles the account acts in (deny by default).';
COMMENT ON COLUMN identity.account.wards IS 'Ward codes the account acts for; * means every ward of the town.';
COMMENT ON COLUMN identity.account.establishment_id IS 'Establishment a business account is bound to.';
COMMENT ON COLUMN identity.account.eid_level IS 'Citizen e-ID level (Nghị định 69/2024/NĐ-CP): 1 self-registered, 2 verified in person (personal data).';
COMMENT ON COLUMN identity.account.totp_secret IS 'Base32 TOTP secret (RFC 6238) of the second factor (secret; protect the database at rest).';
COMMENT ON COLUMN identity.account.totp_last_step IS 'Last accepted TOTP time step: a code is accepted once (RFC 6238 §5.2).';
COMMENT ON COLUMN identity.account.is_demo IS 'Demo account with a published password: production refuses to start while one exists.';

-- Children under 14 are managed under a parent''s account (Nghị định 69/2024/NĐ-CP).
CREATE TABLE identity.dependant (
  guardian_account_id  text        NOT NULL,
  person_id            text        NOT NULL,
  added_at             timestamptz NOT NULL,
  CONSTRAINT dependant_pk PRIMARY KEY (guardian_account_id, person_id),
  CONSTRAINT dependant_guardian_fk FOREIGN KEY (guardian_account_id) REFERENCES identity.account (id) ON DELETE CASCADE
);
COMMENT ON TABLE identity.dependant IS 'A child under 14 attached to a parent''s citizen account.';
COMMENT ON COLUMN identity.dependant.person_id IS 'Personal id number of the child (personal data).';

CREATE TABLE identity.passkey (
  credential_id  text        NOT NULL,
  account_id     text        NOT NULL,
  public_key     bytea       NOT NULL,
  counter        bigint      NOT NULL DEFAULT 0,
  transports     text[]      NOT NULL DEFAULT '{}',
  device_type    text        NOT NULL,
  backed_up      boolean     NOT NULL,
  label          text        NOT NULL,
  created_at     timestamptz NOT NULL,
  last_used_at   timestamptz,
  CONSTRAINT passkey_pk PRIMARY KEY (credential_id),
  CONSTRAINT passkey_account_fk FOREIGN KEY (account_id) REFERENCES identity.account (id) ON DELETE CASCADE
);
CREATE INDEX passkey_account_ix ON identity.passkey (account_id);
COMMENT ON TABLE identity.passkey IS 'WebAuthn credentials (passkeys) of an account: second factor or passwordless login.';
COMMENT ON COLUMN identity.passkey.public_key IS 'COSE public key of the credential (authentication data of the person).';
COMMENT ON COLUMN identity.passkey.label IS 'Name the person gave the device.';

-- Brute-force protection (OWASP ASVS V6.3): failures per login name and per client address.
CREATE TABLE identity.login_throttle (
  key               text        NOT NULL,
  failures          integer     NOT NULL,
  last_failure_at   timestamptz NOT NULL,
  not_before        timestamptz,
  locked_until      timestamptz,
  unlock_pending    boolean     NOT NULL DEFAULT false,
  account_id        text,
  CONSTRAINT login_throttle_pk PRIMARY KEY (key),
  CONSTRAINT login_throttle_failures_ck CHECK (failures >= 0)
);
CREATE INDEX login_throttle_unlock_ix ON identity.login_throttle (locked_until) WHERE unlock_pending;
COMMENT ON TABLE identity.login_throttle IS 'Failed logins per login name (hashed) or client address: progressive delay, then a timed lock.';
COMMENT ON COLUMN identity.login_throttle.key IS '"name:" + HMAC-SHA-256 of the login name (never the name itself), or "address:" + client IP address (personal data).';
COMMENT ON COLUMN identity.login_throttle.unlock_pending IS 'A lock whose end has not been audited yet.';

-- Citizen self-registration at level 1: particulars matched against the registry, then a one-time code by SMS.
CREATE TABLE identity.registration (
  id            text        NOT NULL,
  person_id     text        NOT NULL,
  phone         text        NOT NULL,
  display_name  text,
  matched       boolean     NOT NULL,
  code_hash     text        NOT NULL,
  attempts      integer     NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  completed_at  timestamptz,
  CONSTRAINT registration_pk PRIMARY KEY (id)
);
CREATE INDEX registration_person_ix ON identity.registration (person_id, created_at DESC);
COMMENT ON TABLE identity.registration IS 'A pending citizen self-registration (level 1) awaiting its one-time code.';
COMMENT ON COLUMN identity.registration.person_id IS 'Personal id number given at registration (personal data).';
COMMENT ON COLUMN identity.registration.phone IS 'Phone number the code was sent to (personal data).';
COMMENT ON COLUMN identity.registration.display_name IS 'Full name from the registry when the particulars matched (personal data).';
COMMENT ON COLUMN identity.registration.matched IS 'Whether the particulars matched the registry (a mismatch gets the same answer and no code).';
COMMENT ON COLUMN identity.registration.code_hash IS 'HMAC of the one-time code (never the code).';

-- What a login in progress has proved so far, per OpenID interaction.
CREATE TABLE identity.login_progress (
  uid                  text        NOT NULL,
  account_id           text        NOT NULL,
  step                 text        NOT NULL,
  amr                  text[]      NOT NULL DEFAULT '{}',
  pending_totp_secret  text,
  otp_hash             text,
  otp_attempts         integer     NOT NULL DEFAULT 0,
  otp_sent_at          timestamptz,
  expires_at           timestamptz NOT NULL,
  CONSTRAINT login_progress_pk PRIMARY KEY (uid),
  CONSTRAINT login_progress_account_fk FOREIGN KEY (account_id) REFERENCES identity.account (id) ON DELETE CASCADE,
  CONSTRAINT login_progress_step_ck CHECK (step IN ('change_password', 'totp', 'totp_enrol', 'otp'))
);
COMMENT ON TABLE identity.login_progress IS 'A login past its first factor, waiting for the next step (new password, TOTP, SMS code).';
COMMENT ON COLUMN identity.login_progress.pending_totp_secret IS 'TOTP secret being enrolled (secret).';
COMMENT ON COLUMN identity.login_progress.otp_hash IS 'HMAC of the one-time code sent by SMS (never the code).';

-- WebAuthn challenges (W3C WebAuthn Level 3 §13.4.3: one use, short-lived).
CREATE TABLE identity.webauthn_challenge (
  id          text        NOT NULL,
  purpose     text        NOT NULL,
  account_id  text,
  challenge   text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  CONSTRAINT webauthn_challenge_pk PRIMARY KEY (id),
  CONSTRAINT webauthn_challenge_purpose_ck CHECK (purpose IN ('register', 'login'))
);
COMMENT ON TABLE identity.webauthn_challenge IS 'Pending WebAuthn challenges, by interaction (login) or account (registration).';

-- Relying parties and agency systems (OAuth 2.0 clients, RFC 6749 §2).
CREATE TABLE identity.client (
  client_id                   text        NOT NULL,
  name                        text        NOT NULL,
  kind                        text        NOT NULL,
  secret_hash                 text        NOT NULL,
  token_endpoint_auth_method  text        NOT NULL DEFAULT 'client_secret_basic',
  redirect_uris               text[]      NOT NULL DEFAULT '{}',
  post_logout_redirect_uris   text[]      NOT NULL DEFAULT '{}',
  grant_types                 text[]      NOT NULL,
  scopes                      text[]      NOT NULL,
  subject_type                text        NOT NULL,
  sector_identifier           text,
  purpose                     text        NOT NULL,
  api_access                  boolean     NOT NULL DEFAULT false,
  first_party                 boolean     NOT NULL DEFAULT false,
  roles                       text[]      NOT NULL DEFAULT '{}',
  wards                       text[]      NOT NULL DEFAULT '{}',
  status                      text        NOT NULL DEFAULT 'active',
  created_at                  timestamptz NOT NULL,
  created_by                  text        NOT NULL,
  updated_at                  timestamptz NOT NULL,
  CONSTRAINT client_pk PRIMARY KEY (client_id),
  CONSTRAINT client_kind_ck CHECK (kind IN ('relying_party', 'agency', 'platform')),
  CONSTRAINT client_subject_type_ck CHECK (subject_type IN ('public', 'pairwise')),
  CONSTRAINT client_auth_method_ck CHECK (token_endpoint_auth_method IN ('client_secret_basic', 'client_secret_post')),
  CONSTRAINT client_status_ck CHECK (status IN ('active', 'disabled'))
);
COMMENT ON TABLE identity.client IS 'Registered OAuth 2.0 / OpenID Connect clients: relying parties, agency machine clients, the web app.';
COMMENT ON COLUMN identity.client.secret_hash IS 'SHA-256 of the client secret (the secret is shown once, at registration).';
COMMENT ON COLUMN identity.client.purpose IS 'Purpose the client declared for the personal data it receives (Luật BVDLCN 91/2025/QH15).';
COMMENT ON COLUMN identity.client.sector_identifier IS 'Sector of pairwise subjects (OIDC Core §8.1): clients of one sector see the same sub.';

-- The OpenID provider's state (oidc-provider adapter): sessions, interactions, codes, grants, refresh tokens.
CREATE TABLE identity.oidc_payload (
  model        text        NOT NULL,
  id           text        NOT NULL,
  payload      jsonb       NOT NULL,
  grant_id     text,
  uid          text,
  user_code    text,
  expires_at   timestamptz,
  consumed_at  timestamptz,
  CONSTRAINT oidc_payload_pk PRIMARY KEY (model, id)
);
CREATE INDEX oidc_payload_grant_ix ON identity.oidc_payload (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_payload_uid_ix ON identity.oidc_payload (uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_payload_expires_ix ON identity.oidc_payload (expires_at) WHERE expires_at IS NOT NULL;
COMMENT ON TABLE identity.oidc_payload IS 'State of the OpenID provider (sessions, interactions, codes, grants, refresh tokens) with its expiry.';
COMMENT ON COLUMN identity.oidc_payload.payload IS 'Provider record; holds account ids, claims requested and token metadata (personal data).';

-- The web app's sessions (backend-for-frontend): tokens stay on the server, sealed with a key only the browser's
-- cookie can derive, so a copy of this table alone reveals no token.
CREATE TABLE identity.web_session (
  id_hash            text        NOT NULL,
  account_id         text        NOT NULL,
  sealed_tokens      bytea       NOT NULL,
  access_expires_at  timestamptz NOT NULL,
  created_at         timestamptz NOT NULL,
  last_seen_at       timestamptz NOT NULL,
  expires_at         timestamptz NOT NULL,
  version            integer     NOT NULL DEFAULT 1,
  CONSTRAINT web_session_pk PRIMARY KEY (id_hash)
);
CREATE INDEX web_session_account_ix ON identity.web_session (account_id);
CREATE INDEX web_session_expires_ix ON identity.web_session (expires_at);
COMMENT ON TABLE identity.web_session IS 'Signed-in web app sessions; the cookie holds the only key to the sealed tokens.';
COMMENT ON COLUMN identity.web_session.id_hash IS 'SHA-256 of the session cookie value (never the value).';
COMMENT ON COLUMN identity.web_session.sealed_tokens IS 'Access, refresh and ID tokens, AES-256-GCM sealed with a key derived from the cookie (confidential).';

-- Sign-ins of the web app in progress (RFC 6749 §10.12 state, RFC 7636 verifier, OIDC nonce).
CREATE TABLE identity.web_login (
  state_hash     text        NOT NULL,
  code_verifier  text        NOT NULL,
  nonce          text        NOT NULL,
  return_to      text        NOT NULL,
  expires_at     timestamptz NOT NULL,
  CONSTRAINT web_login_pk PRIMARY KEY (state_hash)
);
COMMENT ON TABLE identity.web_login IS 'A web app sign-in between the redirect to the provider and the callback.';
COMMENT ON COLUMN identity.web_login.code_verifier IS 'PKCE code verifier (RFC 7636; secret, lives ten minutes).';
