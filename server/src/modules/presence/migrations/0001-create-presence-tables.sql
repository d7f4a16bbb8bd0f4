-- Stays and entries: accommodation notices (thông báo lưu trú), gate entries, bus boarding, and alerts to the police.
-- Large tables carry person_id (the distribution key); establishments and alert rules are small.
CREATE SCHEMA presence;
COMMENT ON SCHEMA presence IS 'Stays, entries, bus boarding and wanted-person alerts (module presence).';

CREATE TABLE presence.establishment (
  id                 text        NOT NULL,
  kind               text        NOT NULL,
  name               text        NOT NULL,
  address            text        NOT NULL,
  ward_code          text        NOT NULL,
  police_ward_code   text        NOT NULL,
  capacity           integer,
  remote_area        boolean     NOT NULL DEFAULT false,
  status             text        NOT NULL DEFAULT 'pending',
  owner_account_id   text,
  created_at         timestamptz NOT NULL,
  created_by         text        NOT NULL,
  decided_at         timestamptz,
  decided_by         text,
  CONSTRAINT establishment_pk PRIMARY KEY (id),
  CONSTRAINT establishment_kind_ck CHECK (kind IN ('hotel', 'guesthouse', 'homestay', 'dormitory', 'rental_rooms', 'household', 'hospital',
                                                   'bus_operator', 'tourist_site', 'industrial_park_gate', 'railway_station')),
  CONSTRAINT establishment_status_ck CHECK (status IN ('pending', 'approved', 'rejected', 'suspended'))
);
CREATE INDEX establishment_ward_ix ON presence.establishment (police_ward_code, status);
COMMENT ON TABLE presence.establishment IS 'A place that notifies stays (lodging, hospital, bus operator) or controls entries (site, park gate, station).';
COMMENT ON COLUMN presence.establishment.police_ward_code IS 'Ward whose police unit is responsible for the establishment.';
COMMENT ON COLUMN presence.establishment.remote_area IS 'Remote area: foreigners may be declared within 24 h instead of 12 h (Luật 47/2014/QH13 Điều 33).';
COMMENT ON COLUMN presence.establishment.owner_account_id IS 'Account of the owner (identity module).';

CREATE TABLE presence.stay_notice (
  id                  text        NOT NULL,
  receipt_code        text        NOT NULL,
  establishment_id    text        NOT NULL,
  submitted_by        text        NOT NULL,
  client_request_id   text        NOT NULL,
  submitted_at        timestamptz NOT NULL,
  guest_count         integer     NOT NULL,
  late_count          integer     NOT NULL,
  trip_route          text,
  trip_departure_at   timestamptz,
  trip_vehicle_plate  text,
  CONSTRAINT stay_notice_pk PRIMARY KEY (id),
  CONSTRAINT stay_notice_receipt_uq UNIQUE (receipt_code),
  CONSTRAINT stay_notice_request_uq UNIQUE (establishment_id, client_request_id),
  CONSTRAINT stay_notice_establishment_fk FOREIGN KEY (establishment_id) REFERENCES presence.establishment (id)
);
CREATE INDEX stay_notice_establishment_ix ON presence.stay_notice (establishment_id, submitted_at DESC);
COMMENT ON TABLE presence.stay_notice IS 'One submission of an accommodation notice (one or more guests; a bus trip''s passenger list).';
COMMENT ON COLUMN presence.stay_notice.client_request_id IS 'Idempotency key chosen by the operator''s device: a retry never duplicates.';

CREATE TABLE presence.stay (
  id                    text        NOT NULL,
  notice_id             text        NOT NULL,
  establishment_id      text        NOT NULL,
  ward_code             text        NOT NULL,
  person_id             text,
  guest_name            text,
  birth_date            date,
  sex                   text,
  nationality           text        NOT NULL DEFAULT 'VNM',
  passport_number       text,
  visa_number           text,
  entry_date            date,
  room                  text,
  reason                text,
  arrival_at            timestamptz NOT NULL,
  expected_departure_at timestamptz,
  deadline_at           timestamptz NOT NULL,
  submitted_at          timestamptz NOT NULL,
  late                  boolean     NOT NULL,
  verified              boolean     NOT NULL,
  departed_at           timestamptz,
  auto_checked_out      boolean     NOT NULL DEFAULT false,
  anonymised_at         timestamptz,
  CONSTRAINT stay_pk PRIMARY KEY (id),
  CONSTRAINT stay_notice_fk FOREIGN KEY (notice_id) REFERENCES presence.stay_notice (id),
  CONSTRAINT stay_identity_ck CHECK (anonymised_at IS NOT NULL OR person_id IS NOT NULL OR passport_number IS NOT NULL)
);
CREATE INDEX stay_person_ix ON presence.stay (person_id, arrival_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX stay_current_ix ON presence.stay (establishment_id) WHERE departed_at IS NULL;
CREATE INDEX stay_arrival_ix ON presence.stay (arrival_at);
COMMENT ON TABLE presence.stay IS 'A guest''s stay at an establishment (personal data until anonymised by the retention job).';
COMMENT ON COLUMN presence.stay.person_id IS 'Personal id number of a Vietnamese guest (personal data).';
COMMENT ON COLUMN presence.stay.guest_name IS 'Guest''s full name (personal data).';
COMMENT ON COLUMN presence.stay.birth_date IS 'Guest''s date of birth (personal data).';
COMMENT ON COLUMN presence.stay.sex IS 'Guest''s sex (personal data).';
COMMENT ON COLUMN presence.stay.nationality IS 'Nationality, ISO 3166 alpha-3 (personal data; kept after anonymisation for statistics).';
COMMENT ON COLUMN presence.stay.passport_number IS 'Passport number of a foreign guest (personal data).';
COMMENT ON COLUMN presence.stay.visa_number IS 'Visa or temporary residence card of a foreign guest (personal data).';
COMMENT ON COLUMN presence.stay.entry_date IS 'Date a foreign guest entered Vietnam (personal data).';
COMMENT ON COLUMN presence.stay.room IS 'Room or seat (personal data while linked to a person).';
COMMENT ON COLUMN presence.stay.deadline_at IS 'When the notice was due (Luật Cư trú 2020 Điều 30; foreigners: Luật 47/2014/QH13 Điều 33).';
COMMENT ON COLUMN presence.stay.auto_checked_out IS 'Checked out by the platform at the expected departure because the operator forgot.';

CREATE TABLE presence.entry (
  id                 text        NOT NULL,
  site_id            text        NOT NULL,
  person_id          text,
  direction          text        NOT NULL,
  occurred_at        timestamptz NOT NULL,
  method             text        NOT NULL,
  recorded_by        text        NOT NULL,
  client_request_id  text        NOT NULL,
  anonymised_at      timestamptz,
  CONSTRAINT entry_pk PRIMARY KEY (id),
  CONSTRAINT entry_request_uq UNIQUE (site_id, client_request_id),
  CONSTRAINT entry_site_fk FOREIGN KEY (site_id) REFERENCES presence.establishment (id),
  CONSTRAINT entry_direction_ck CHECK (direction IN ('in', 'out')),
  CONSTRAINT entry_method_ck CHECK (method IN ('card_qr', 'app_qr', 'particulars')),
  CONSTRAINT entry_identity_ck CHECK (anonymised_at IS NOT NULL OR person_id IS NOT NULL)
);
CREATE INDEX entry_person_ix ON presence.entry (person_id, occurred_at DESC) WHERE person_id IS NOT NULL;
CREATE INDEX entry_site_ix ON presence.entry (site_id, occurred_at DESC);
COMMENT ON TABLE presence.entry IS 'A gate passage in or out of a tourist site, industrial park or station (personal data).';
COMMENT ON COLUMN presence.entry.person_id IS 'Personal id number of the person passing (personal data).';

-- Live occupancy per site, updated with each passage.
CREATE TABLE presence.site_occupancy (
  site_id   text        NOT NULL,
  inside    integer     NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  CONSTRAINT site_occupancy_pk PRIMARY KEY (site_id),
  CONSTRAINT site_occupancy_site_fk FOREIGN KEY (site_id) REFERENCES presence.establishment (id)
);
COMMENT ON TABLE presence.site_occupancy IS 'How many people are inside a site now (entries minus exits).';

CREATE TABLE presence.ticket (
  id              text        NOT NULL,
  operator_id     text        NOT NULL,
  trip_code       text        NOT NULL,
  person_id       text        NOT NULL,
  seat            text,
  departure_at    timestamptz NOT NULL,
  status          text        NOT NULL DEFAULT 'issued',
  boarded_at      timestamptz,
  CONSTRAINT ticket_pk PRIMARY KEY (id),
  CONSTRAINT ticket_trip_person_uq UNIQUE (operator_id, trip_code, person_id),
  CONSTRAINT ticket_operator_fk FOREIGN KEY (operator_id) REFERENCES presence.establishment (id),
  CONSTRAINT ticket_status_ck CHECK (status IN ('issued', 'boarded', 'cancelled'))
);
COMMENT ON TABLE presence.ticket IS 'A long-distance bus ticket bound to the passenger''s personal id (model 19).';
COMMENT ON COLUMN presence.ticket.person_id IS 'Personal id number of the passenger (personal data).';

-- Alert rules are data: a condition over the facts of a stay or entry (see alert-rules.ts), evaluated without code.
CREATE TABLE presence.alert_rule (
  id          text        NOT NULL,
  name_vi     text        NOT NULL,
  name_en     text        NOT NULL,
  condition   jsonb       NOT NULL,
  severity    text        NOT NULL,
  active      boolean     NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  created_by  text        NOT NULL,
  CONSTRAINT alert_rule_pk PRIMARY KEY (id),
  CONSTRAINT alert_rule_severity_ck CHECK (severity IN ('critical', 'high', 'medium', 'low'))
);
COMMENT ON TABLE presence.alert_rule IS 'Rules that raise alerts to the police from stays, entries and boardings.';

CREATE TABLE presence.alert (
  id                 text        NOT NULL,
  rule_id            text        NOT NULL,
  severity           text        NOT NULL,
  police_ward_code   text        NOT NULL,
  establishment_id   text        NOT NULL,
  person_id          text,
  source             text        NOT NULL,
  source_id          text        NOT NULL,
  facts              jsonb       NOT NULL,
  raised_at          timestamptz NOT NULL,
  acknowledged_at    timestamptz,
  acknowledged_by    text,
  CONSTRAINT alert_pk PRIMARY KEY (id),
  CONSTRAINT alert_rule_fk FOREIGN KEY (rule_id) REFERENCES presence.alert_rule (id),
  CONSTRAINT alert_source_ck CHECK (source IN ('stay', 'entry', 'boarding'))
);
CREATE INDEX alert_ward_ix ON presence.alert (police_ward_code, raised_at DESC);
COMMENT ON TABLE presence.alert IS 'An alert raised to the responsible police unit (sensitive personal data, police eyes only).';
COMMENT ON COLUMN presence.alert.person_id IS 'Personal id number of the person concerned (personal data).';
COMMENT ON COLUMN presence.alert.facts IS 'The facts that matched the rule, including the wanted reason (sensitive personal data).';

INSERT INTO presence.alert_rule (id, name_vi, name_en, condition, severity, created_at, created_by) VALUES
  ('wanted-person', 'Người trong danh sách truy tìm', 'Person on the wanted list', '{"fact": "wanted", "equals": true}', 'critical', now(), 'migration'),
  ('revoked-card', 'Thẻ đã bị thu hồi hoặc báo mất', 'Card revoked or reported lost', '{"fact": "verification", "equals": "card_revoked"}', 'high', now(), 'migration'),
  ('deceased-person', 'Giấy tờ của người đã chết', 'Papers of a deceased person', '{"fact": "verification", "equals": "deceased"}', 'high', now(), 'migration');
