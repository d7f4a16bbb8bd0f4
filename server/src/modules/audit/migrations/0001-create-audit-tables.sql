-- The audit log: append-only and tamper-evident.
-- Entries are written in batches; each batch stores the Merkle root (RFC 6962 tree hash) of its entries' hashes and
-- the hash of the previous batch, so that editing, deleting or reordering any entry or batch breaks the chain.
CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS 'Audit log of personal-data access and changes (module audit).';

CREATE TABLE audit.batch (
  id           bigint      NOT NULL,
  created_at   timestamptz NOT NULL,
  entry_count  integer     NOT NULL,
  merkle_root  text        NOT NULL,
  prev_hash    text        NOT NULL,
  batch_hash   text        NOT NULL,
  CONSTRAINT batch_pk PRIMARY KEY (id),
  CONSTRAINT batch_entry_count_ck CHECK (entry_count > 0)
);
COMMENT ON TABLE audit.batch IS 'A group of audit entries written together; hash-chained to the previous batch.';

CREATE TABLE audit.entry (
  id                 bigserial   NOT NULL,
  batch_id           bigint      NOT NULL,
  position           integer     NOT NULL,
  occurred_at        timestamptz NOT NULL,
  actor_kind         text        NOT NULL,
  actor_id           text        NOT NULL,
  actor_role         text        NOT NULL,
  client_id          text,
  action             text        NOT NULL,
  purpose            text        NOT NULL,
  legal_basis        text        NOT NULL,
  subject_person_id  text,
  fields             text[]      NOT NULL,
  outcome            text        NOT NULL,
  request_id         text,
  details            jsonb,
  entry_hash         text        NOT NULL,
  CONSTRAINT entry_pk PRIMARY KEY (id),
  CONSTRAINT entry_batch_position_uq UNIQUE (batch_id, position),
  CONSTRAINT entry_batch_fk FOREIGN KEY (batch_id) REFERENCES audit.batch (id),
  CONSTRAINT entry_outcome_ck CHECK (outcome IN ('success', 'denied', 'not_found', 'error'))
);
CREATE INDEX entry_subject_ix ON audit.entry (subject_person_id, occurred_at DESC) WHERE subject_person_id IS NOT NULL;
CREATE INDEX entry_actor_ix ON audit.entry (actor_id, occurred_at DESC);
COMMENT ON TABLE audit.entry IS 'One access to or change of personal data, or another audited action.';
COMMENT ON COLUMN audit.entry.actor_id IS 'User id or client id of whoever acted.';
COMMENT ON COLUMN audit.entry.purpose IS 'Purpose code the actor declared (for example stay_notice).';
COMMENT ON COLUMN audit.entry.legal_basis IS 'Law or decision that allows the processing.';
COMMENT ON COLUMN audit.entry.subject_person_id IS 'Personal id number of the person whose data was touched (personal data).';
COMMENT ON COLUMN audit.entry.fields IS 'Names of the personal-data fields read or changed.';
COMMENT ON COLUMN audit.entry.details IS 'Extra context (never names or id numbers in clear).';

-- The head of the chain: one row, locked by each batch write so that batches from several processes chain in order.
CREATE TABLE audit.chain_head (
  id             integer NOT NULL,
  last_batch_id  bigint  NOT NULL,
  last_hash      text    NOT NULL,
  CONSTRAINT chain_head_pk PRIMARY KEY (id),
  CONSTRAINT chain_head_single_ck CHECK (id = 1)
);
COMMENT ON TABLE audit.chain_head IS 'Last batch of the audit chain (a single row).';
-- Genesis hash: SHA-256 of the text "da06-audit-genesis".
INSERT INTO audit.chain_head (id, last_batch_id, last_hash)
VALUES (1, 0, encode(sha256(convert_to('da06-audit-genesis', 'UTF8')), 'hex'));

-- Append-only: the application never updates or deletes audit rows. Someone who bypasses this (as the owner of the
-- database can) is still caught by `da06 audit verify`.
CREATE FUNCTION audit.forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE ON audit.entry FOR EACH ROW EXECUTE FUNCTION audit.forbid_change();
CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON audit.entry FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
CREATE TRIGGER batch_append_only BEFORE UPDATE OR DELETE ON audit.batch FOR EACH ROW EXECUTE FUNCTION audit.forbid_change();
CREATE TRIGGER batch_no_truncate BEFORE TRUNCATE ON audit.batch FOR EACH STATEMENT EXECUTE FUNCTION audit.forbid_change();
