-- The town's population registry: the local mirror of the national population database (CSDLQG về dân cư).
-- Large tables carry person_id (the distribution key toward Citus at national scale); administrative units are a
-- small reference table. Every personal-data column has a COMMENT saying so (Luật BVDLCN 91/2025/QH15).
CREATE SCHEMA registry;
COMMENT ON SCHEMA registry IS 'Population registry: residents, households, ID cards, administrative units, wanted list (module registry).';

CREATE TABLE registry.admin_unit (
  id             text NOT NULL,
  code           text NOT NULL,
  name           text NOT NULL,
  level          text NOT NULL,
  parent_id      text,
  valid_from     date NOT NULL,
  valid_to       date,
  successor_ids  text[] NOT NULL DEFAULT '{}',
  CONSTRAINT admin_unit_pk PRIMARY KEY (id),
  CONSTRAINT admin_unit_level_ck CHECK (level IN ('province', 'district', 'ward', 'commune')),
  CONSTRAINT admin_unit_validity_ck CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX admin_unit_code_ix ON registry.admin_unit (code, level, valid_from);
COMMENT ON TABLE registry.admin_unit IS 'Administrative units with their validity; codes were reused after 1 July 2025, so a unit is (code, validity).';
COMMENT ON COLUMN registry.admin_unit.valid_to IS 'Exclusive end of validity; NULL while the unit exists.';
COMMENT ON COLUMN registry.admin_unit.successor_ids IS 'Units this one became (several for a split).';

CREATE TABLE registry.household (
  id              text        NOT NULL,
  ward_code       text        NOT NULL,
  address         text        NOT NULL,
  unit_id         text        NOT NULL,
  head_person_id  text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT household_pk PRIMARY KEY (id),
  CONSTRAINT household_unit_fk FOREIGN KEY (unit_id) REFERENCES registry.admin_unit (id)
);
CREATE INDEX household_ward_ix ON registry.household (ward_code);
COMMENT ON TABLE registry.household IS 'A household (hộ gia đình) registered at one address.';
COMMENT ON COLUMN registry.household.address IS 'Street address of the household (personal data).';
COMMENT ON COLUMN registry.household.head_person_id IS 'Personal id number of the head of household (personal data).';
COMMENT ON COLUMN registry.household.ward_code IS 'Current ward (resolved to today''s administrative units).';

CREATE TABLE registry.person (
  person_id            text        NOT NULL,
  full_name            text        NOT NULL,
  name_search          text        COLLATE "C" NOT NULL,
  birth_date           date        NOT NULL,
  sex                  text        NOT NULL,
  ethnicity            text        NOT NULL,
  religion             text        NOT NULL,
  nationality          text        NOT NULL DEFAULT 'VNM',
  hometown             text,
  permanent_address    text,
  permanent_unit_id    text,
  current_address      text,
  current_unit_id      text,
  ward_code            text        NOT NULL,
  household_id         text,
  relation_to_head     text,
  father_id            text,
  mother_id            text,
  spouse_id            text,
  father_name          text,
  mother_name          text,
  spouse_name          text,
  status               text        NOT NULL DEFAULT 'living',
  status_date          date,
  old_ids              text[]      NOT NULL DEFAULT '{}',
  eid_level            smallint    NOT NULL DEFAULT 0,
  version              integer     NOT NULL DEFAULT 1,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_pk PRIMARY KEY (person_id),
  CONSTRAINT person_id_ck CHECK (person_id ~ '^[0-9]{12}$'),
  CONSTRAINT person_sex_ck CHECK (sex IN ('male', 'female')),
  CONSTRAINT person_status_ck CHECK (status IN ('living', 'deceased', 'moved_away')),
  CONSTRAINT person_eid_level_ck CHECK (eid_level IN (0, 1, 2)),
  CONSTRAINT person_household_fk FOREIGN KEY (household_id) REFERENCES registry.household (id),
  CONSTRAINT person_permanent_unit_fk FOREIGN KEY (permanent_unit_id) REFERENCES registry.admin_unit (id),
  CONSTRAINT person_current_unit_fk FOREIGN KEY (current_unit_id) REFERENCES registry.admin_unit (id)
);
CREATE INDEX person_ward_ix ON registry.person (ward_code);
CREATE INDEX person_birth_date_ix ON registry.person (birth_date);
CREATE INDEX person_household_ix ON registry.person (household_id);
CREATE INDEX person_old_ids_ix ON registry.person USING gin (old_ids);
COMMENT ON TABLE registry.person IS 'A resident of the town (personal data throughout).';
COMMENT ON COLUMN registry.person.person_id IS 'Personal identification number, 12 digits (personal data; distribution key).';
COMMENT ON COLUMN registry.person.full_name IS 'Full name, family name first, NFC (personal data).';
COMMENT ON COLUMN registry.person.name_search IS 'Full name lower-cased without diacritics, for search (personal data).';
COMMENT ON COLUMN registry.person.birth_date IS 'Date of birth (personal data).';
COMMENT ON COLUMN registry.person.sex IS 'Sex as on the ID card (personal data).';
COMMENT ON COLUMN registry.person.ethnicity IS 'Ethnic group (sensitive personal data).';
COMMENT ON COLUMN registry.person.religion IS 'Religion, "Không" for none (sensitive personal data).';
COMMENT ON COLUMN registry.person.nationality IS 'Nationality, ISO 3166 alpha-3 (personal data).';
COMMENT ON COLUMN registry.person.hometown IS 'Hometown, quê quán (personal data).';
COMMENT ON COLUMN registry.person.permanent_address IS 'Permanent residence address as recorded (personal data).';
COMMENT ON COLUMN registry.person.permanent_unit_id IS 'Administrative unit of the permanent residence, as recorded (personal data).';
COMMENT ON COLUMN registry.person.current_address IS 'Current residence address (personal data).';
COMMENT ON COLUMN registry.person.current_unit_id IS 'Administrative unit of the current residence, as recorded (personal data).';
COMMENT ON COLUMN registry.person.ward_code IS 'Current ward of the current residence, resolved to today''s units (personal data).';
COMMENT ON COLUMN registry.person.household_id IS 'Household the person belongs to (personal data).';
COMMENT ON COLUMN registry.person.relation_to_head IS 'Relationship to the head of household (personal data).';
COMMENT ON COLUMN registry.person.father_id IS 'Father''s personal id number when he is a resident (personal data).';
COMMENT ON COLUMN registry.person.mother_id IS 'Mother''s personal id number when she is a resident (personal data).';
COMMENT ON COLUMN registry.person.spouse_id IS 'Spouse''s personal id number when a resident (personal data).';
COMMENT ON COLUMN registry.person.father_name IS 'Father''s name (personal data).';
COMMENT ON COLUMN registry.person.mother_name IS 'Mother''s name (personal data).';
COMMENT ON COLUMN registry.person.spouse_name IS 'Spouse''s name (personal data).';
COMMENT ON COLUMN registry.person.status IS 'living, deceased or moved_away (personal data).';
COMMENT ON COLUMN registry.person.status_date IS 'Date of death or of moving away (personal data).';
COMMENT ON COLUMN registry.person.old_ids IS 'Earlier ID numbers: 9- or 12-digit CMND (personal data).';
COMMENT ON COLUMN registry.person.eid_level IS 'VNeID account level: 0 none, 1, 2 (Nghị định 69/2024/NĐ-CP) (personal data).';

-- Name search keys: every word-boundary suffix of a person's name_search ("nguyen van an", "van an", "an"). A query
-- matches the start of any word and runs through the rest of the name, so "nguyen van", "van an" and "an" are all
-- answered by one ordered range scan of this index, however common the name (a LIKE '%…%' over person.name_search
-- has to sort every match, which for "nguyen van" is a sixth of the town).
CREATE TABLE registry.person_name_key (
  key        text COLLATE "C" NOT NULL,
  person_id  text NOT NULL,
  CONSTRAINT person_name_key_pk PRIMARY KEY (key, person_id)
);
COMMENT ON TABLE registry.person_name_key IS 'Word-boundary suffixes of residents'' names for search (personal data).';
COMMENT ON COLUMN registry.person_name_key.key IS 'Part of a name, lower-case without diacritics (personal data).';
COMMENT ON COLUMN registry.person_name_key.person_id IS 'Personal id number (personal data).';

CREATE TABLE registry.id_card (
  id            text        NOT NULL,
  person_id     text        NOT NULL,
  card_type     text        NOT NULL,
  card_number   text        NOT NULL,
  issue_date    date        NOT NULL,
  expiry_date   date,
  status        text        NOT NULL DEFAULT 'active',
  status_date   date,
  CONSTRAINT id_card_pk PRIMARY KEY (id),
  CONSTRAINT id_card_person_fk FOREIGN KEY (person_id) REFERENCES registry.person (person_id),
  CONSTRAINT id_card_type_ck CHECK (card_type IN ('CMND', 'CCCD', 'CAN_CUOC')),
  CONSTRAINT id_card_status_ck CHECK (status IN ('active', 'replaced', 'revoked', 'lost'))
);
CREATE INDEX id_card_person_ix ON registry.id_card (person_id, issue_date DESC);
COMMENT ON TABLE registry.id_card IS 'Identity cards issued to a person: CMND, chip CCCD (2021), Căn cước (from 1 July 2024).';
COMMENT ON COLUMN registry.id_card.person_id IS 'Personal id number of the holder (personal data).';
COMMENT ON COLUMN registry.id_card.card_number IS 'Number printed on the card (personal data).';
COMMENT ON COLUMN registry.id_card.issue_date IS 'Date of issue (personal data).';
COMMENT ON COLUMN registry.id_card.expiry_date IS 'Expiry: the 25th, 40th or 60th birthday; NULL when issued after 58 (personal data).';

-- Every change to a person, append-only: who, when, why and what changed.
CREATE TABLE registry.person_history (
  id          bigserial   NOT NULL,
  person_id   text        NOT NULL,
  version     integer     NOT NULL,
  changed_at  timestamptz NOT NULL,
  changed_by  text        NOT NULL,
  change_kind text        NOT NULL,
  reason      text,
  changes     jsonb       NOT NULL,
  CONSTRAINT person_history_pk PRIMARY KEY (id),
  CONSTRAINT person_history_version_uq UNIQUE (person_id, version)
);
COMMENT ON TABLE registry.person_history IS 'Versioned changes to residents: who, when, why and which fields.';
COMMENT ON COLUMN registry.person_history.person_id IS 'Personal id number (personal data).';
COMMENT ON COLUMN registry.person_history.changes IS 'Changed fields with old and new values (personal data).';

CREATE TABLE registry.wanted_person (
  person_id    text        NOT NULL,
  reason_code  text        NOT NULL,
  added_at     timestamptz NOT NULL,
  added_by     text        NOT NULL,
  active       boolean     NOT NULL DEFAULT true,
  cleared_at   timestamptz,
  CONSTRAINT wanted_person_pk PRIMARY KEY (person_id)
);
COMMENT ON TABLE registry.wanted_person IS 'Persons the police look for; matched against stays and entries (sensitive personal data).';
COMMENT ON COLUMN registry.wanted_person.person_id IS 'Personal id number (personal data).';
COMMENT ON COLUMN registry.wanted_person.reason_code IS 'Why the person is wanted (sensitive personal data, police eyes only).';

-- Sequence numbers of generated personal ids, per (birth province, century-sex digit, year digits).
CREATE TABLE registry.person_id_sequence (
  prefix     text    NOT NULL,
  last_value integer NOT NULL,
  CONSTRAINT person_id_sequence_pk PRIMARY KEY (prefix)
);
COMMENT ON TABLE registry.person_id_sequence IS 'Last sequence used for new personal ids per 6-digit prefix PPPGYY.';

-- One-time codes shown by the citizen app ("Mã QR của tôi"): opaque, valid for a minute, used once.
CREATE TABLE registry.presentation_code (
  code_hash   text        NOT NULL,
  person_id   text        NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  CONSTRAINT presentation_code_pk PRIMARY KEY (code_hash)
);
COMMENT ON TABLE registry.presentation_code IS 'Single-use codes a citizen shows instead of the card; only the SHA-256 of the code is stored.';
COMMENT ON COLUMN registry.presentation_code.person_id IS 'Personal id number of the citizen (personal data).';
