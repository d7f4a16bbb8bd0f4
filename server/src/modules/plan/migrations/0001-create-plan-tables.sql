-- The town's Project 06 plan: units, groups, the 43 models, lead assignments, monthly reports with their action log,
-- consolidated reports, reminders. The plan's own data (plan-data.ts) is upserted into these tables at start-up.
-- Small reference tables throughout: nothing here is personal data beyond staff account ids in the logs.
CREATE SCHEMA plan;
COMMENT ON SCHEMA plan IS 'The town''s Project 06 plan, monthly reports and their consolidation (module plan).';

CREATE TABLE plan.unit (
  id                text        NOT NULL,
  name_vi           text        NOT NULL,
  name_en           text        NOT NULL,
  short_name_vi     text        NOT NULL,
  short_name_en     text        NOT NULL,
  kind              text        NOT NULL,
  standing_agency   boolean     NOT NULL DEFAULT false,
  email             text,
  valid_from        date        NOT NULL,
  valid_to          date,
  source            text        NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  request_id        text,
  CONSTRAINT unit_pk PRIMARY KEY (id),
  CONSTRAINT unit_id_ck CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(id) <= 64),
  CONSTRAINT unit_kind_ck CHECK (kind IN ('police', 'town_office', 'provincial_body', 'communes', 'other')),
  CONSTRAINT unit_source_ck CHECK (source IN ('plan_2023', 'proposed_2025', 'admin')),
  CONSTRAINT unit_validity_ck CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT unit_email_ck CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$'),
  CONSTRAINT unit_request_uq UNIQUE (request_id)
);
COMMENT ON TABLE plan.unit IS 'A unit of the plan (town office, police, provincial body) with its validity; reorganised units keep their row and gain a successor.';
COMMENT ON COLUMN plan.unit.id IS 'Stable slug; the unit claim of a unit reporter''s token.';
COMMENT ON COLUMN plan.unit.standing_agency IS 'The standing agency of the working group (the town police), which consolidates reports (plan section V.3).';
COMMENT ON COLUMN plan.unit.email IS 'Office mailbox for reminders (an organisation address, not a person''s).';

CREATE TABLE plan.unit_succession (
  id               bigserial   NOT NULL,
  predecessor_id   text        NOT NULL,
  successor_id     text        NOT NULL,
  effective_on     date        NOT NULL,
  kind             text        NOT NULL,
  note_vi          text        NOT NULL DEFAULT '',
  note_en          text        NOT NULL DEFAULT '',
  confirmed        boolean     NOT NULL,
  source           text        NOT NULL,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  recorded_by      text        NOT NULL,
  request_id       text,
  CONSTRAINT unit_succession_pk PRIMARY KEY (id),
  CONSTRAINT unit_succession_pair_uq UNIQUE (predecessor_id, successor_id),
  CONSTRAINT unit_succession_request_uq UNIQUE (request_id),
  CONSTRAINT unit_succession_predecessor_fk FOREIGN KEY (predecessor_id) REFERENCES plan.unit (id),
  CONSTRAINT unit_succession_successor_fk FOREIGN KEY (successor_id) REFERENCES plan.unit (id),
  CONSTRAINT unit_succession_distinct_ck CHECK (predecessor_id <> successor_id),
  CONSTRAINT unit_succession_kind_ck CHECK (kind IN ('renamed', 'merged_into', 'absorbed_by', 'split_into')),
  CONSTRAINT unit_succession_source_ck CHECK (source IN ('proposed_2025', 'admin'))
);
COMMENT ON TABLE plan.unit_succession IS 'A unit renamed, merged, absorbed or split on a date; only confirmed links move reporting duties.';

CREATE TABLE plan.model_group (
  number           integer NOT NULL,
  section          text    NOT NULL,
  title_vi         text    NOT NULL,
  title_en         text    NOT NULL,
  declared_models  integer NOT NULL,
  CONSTRAINT model_group_pk PRIMARY KEY (number),
  CONSTRAINT model_group_number_ck CHECK (number BETWEEN 1 AND 5)
);
COMMENT ON TABLE plan.model_group IS 'The five groups of models of the plan (section III).';

CREATE TABLE plan.model (
  number                 integer NOT NULL,
  group_number           integer NOT NULL,
  section                text    NOT NULL,
  title_vi               text    NOT NULL,
  title_en               text    NOT NULL,
  goal_vi                text    NOT NULL,
  goal_en                text    NOT NULL,
  force_vi               text    NOT NULL,
  deadline_text          text    NOT NULL,
  deadline_corrected     text,
  deadline_note_vi       text,
  deadline_note_en       text,
  deadline_kind          text    NOT NULL,
  deadline_date          date,
  deadline_continuing    boolean NOT NULL DEFAULT false,
  tools                  text[]  NOT NULL,
  pilot_2023             boolean NOT NULL,
  lead_basis             text    NOT NULL,
  note_vi                text,
  note_en                text,
  CONSTRAINT model_pk PRIMARY KEY (number),
  CONSTRAINT model_number_ck CHECK (number BETWEEN 1 AND 43),
  CONSTRAINT model_group_fk FOREIGN KEY (group_number) REFERENCES plan.model_group (number),
  CONSTRAINT model_deadline_kind_ck CHECK (deadline_kind IN ('date', 'quarter', 'year', 'recurring', 'relative', 'unscheduled')),
  CONSTRAINT model_lead_basis_ck CHECK (lead_basis IN ('pilot_2023', 'section_iii', 'standing_agency_default'))
);
COMMENT ON TABLE plan.model IS 'One of the 43 models of the plan, with its deadline as written and as parsed.';
COMMENT ON COLUMN plan.model.deadline_text IS 'The deadline as the plan writes it ("Quý I/2024", "Thực hiện thường xuyên").';
COMMENT ON COLUMN plan.model.deadline_date IS 'The parsed due date, when the deadline has one.';

CREATE TABLE plan.model_coordinator (
  model_number  integer NOT NULL,
  unit_id       text    NOT NULL,
  CONSTRAINT model_coordinator_pk PRIMARY KEY (model_number, unit_id),
  CONSTRAINT model_coordinator_model_fk FOREIGN KEY (model_number) REFERENCES plan.model (number),
  CONSTRAINT model_coordinator_unit_fk FOREIGN KEY (unit_id) REFERENCES plan.unit (id)
);
COMMENT ON TABLE plan.model_coordinator IS 'Units that coordinate (phối hợp) on a model.';

CREATE TABLE plan.model_lead (
  id            bigserial   NOT NULL,
  model_number  integer     NOT NULL,
  unit_id       text        NOT NULL,
  valid_from    text        NOT NULL,
  basis         text        NOT NULL,
  note          text        NOT NULL DEFAULT '',
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  recorded_by   text        NOT NULL,
  request_id    text,
  CONSTRAINT model_lead_pk PRIMARY KEY (id),
  CONSTRAINT model_lead_month_uq UNIQUE (model_number, valid_from),
  CONSTRAINT model_lead_request_uq UNIQUE (request_id),
  CONSTRAINT model_lead_model_fk FOREIGN KEY (model_number) REFERENCES plan.model (number),
  CONSTRAINT model_lead_unit_fk FOREIGN KEY (unit_id) REFERENCES plan.unit (id),
  CONSTRAINT model_lead_month_ck CHECK (valid_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  CONSTRAINT model_lead_basis_ck CHECK (basis IN ('plan_2023', 'admin'))
);
COMMENT ON TABLE plan.model_lead IS 'Who leads a model from which month: the plan''s assignment, then any reassignment.';

CREATE TABLE plan.monthly_report (
  id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
  model_number           integer     NOT NULL,
  month                  text        NOT NULL,
  unit_id                text        NOT NULL,
  status                 text        NOT NULL,
  implementation_status  text,
  progress_percent       integer,
  results                text        NOT NULL DEFAULT '',
  figures                jsonb       NOT NULL DEFAULT '[]',
  difficulties           text        NOT NULL DEFAULT '',
  proposals              text        NOT NULL DEFAULT '',
  due_at                 timestamptz NOT NULL,
  first_submitted_at     timestamptz,
  submitted_at           timestamptz,
  late                   boolean     NOT NULL DEFAULT false,
  return_comment         text,
  version                integer     NOT NULL DEFAULT 0,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  CONSTRAINT monthly_report_pk PRIMARY KEY (id),
  CONSTRAINT monthly_report_model_month_uq UNIQUE (model_number, month),
  CONSTRAINT monthly_report_model_fk FOREIGN KEY (model_number) REFERENCES plan.model (number),
  CONSTRAINT monthly_report_unit_fk FOREIGN KEY (unit_id) REFERENCES plan.unit (id),
  CONSTRAINT monthly_report_month_ck CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  CONSTRAINT monthly_report_status_ck CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  CONSTRAINT monthly_report_implementation_ck CHECK (implementation_status IS NULL OR implementation_status IN ('not_started', 'in_progress', 'completed', 'blocked')),
  CONSTRAINT monthly_report_progress_ck CHECK (progress_percent IS NULL OR progress_percent BETWEEN 0 AND 100),
  CONSTRAINT monthly_report_submitted_ck CHECK (status = 'draft' OR first_submitted_at IS NOT NULL)
);
CREATE INDEX monthly_report_month_unit_ix ON plan.monthly_report (month, unit_id);
COMMENT ON TABLE plan.monthly_report IS 'A unit''s report on one model for one month (due before the 12th of the next month, plan section V.3); the current state, projected from report_action.';
COMMENT ON COLUMN plan.monthly_report.late IS 'First submission at or after 00:00 on the 12th of the next month, Vietnam time.';
COMMENT ON COLUMN plan.monthly_report.figures IS 'Figures of the month: [{key, label, unit, value, source: live|manual}].';

CREATE TABLE plan.report_action (
  id           bigserial   NOT NULL,
  report_id    uuid        NOT NULL,
  seq          integer     NOT NULL,
  action       text        NOT NULL,
  from_status  text        NOT NULL,
  to_status    text        NOT NULL,
  actor_id     text        NOT NULL,
  actor_roles  text        NOT NULL,
  actor_unit   text,
  at           timestamptz NOT NULL,
  comment      text,
  content      jsonb       NOT NULL,
  request_id   text        NOT NULL,
  CONSTRAINT report_action_pk PRIMARY KEY (id),
  CONSTRAINT report_action_seq_uq UNIQUE (report_id, seq),
  CONSTRAINT report_action_request_uq UNIQUE (request_id),
  CONSTRAINT report_action_report_fk FOREIGN KEY (report_id) REFERENCES plan.monthly_report (id),
  CONSTRAINT report_action_action_ck CHECK (action IN ('save_draft', 'submit', 'return', 'accept'))
);
COMMENT ON TABLE plan.report_action IS 'Append-only log of every action on a monthly report, with the content after it: every change is kept.';
COMMENT ON COLUMN plan.report_action.actor_id IS 'Account id of the staff member who acted.';
COMMENT ON COLUMN plan.report_action.request_id IS 'The client''s idempotency key: a retry finds this row instead of acting twice.';

CREATE TABLE plan.consolidation (
  id            uuid        NOT NULL DEFAULT gen_random_uuid(),
  month         text        NOT NULL,
  year          integer     NOT NULL,
  number        integer     NOT NULL,
  symbol        text        NOT NULL,
  issued_on     date        NOT NULL,
  signer_name   text        NOT NULL DEFAULT '',
  signer_title  text        NOT NULL,
  content       jsonb       NOT NULL,
  created_by    text        NOT NULL,
  created_at    timestamptz NOT NULL,
  request_id    text        NOT NULL,
  CONSTRAINT consolidation_pk PRIMARY KEY (id),
  CONSTRAINT consolidation_number_uq UNIQUE (year, symbol, number),
  CONSTRAINT consolidation_request_uq UNIQUE (request_id),
  CONSTRAINT consolidation_month_ck CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  CONSTRAINT consolidation_number_ck CHECK (number > 0)
);
CREATE INDEX consolidation_month_ix ON plan.consolidation (month, created_at DESC);
COMMENT ON TABLE plan.consolidation IS 'The town''s consolidated monthly report as issued (numbered document), with a frozen copy of its content.';
COMMENT ON COLUMN plan.consolidation.signer_name IS 'Name of the official who signs the printed report (a public office holder).';

CREATE TABLE plan.notification (
  id             bigserial   NOT NULL,
  audience       text        NOT NULL,
  unit_id        text        NOT NULL,
  period         text        NOT NULL,
  kind           text        NOT NULL,
  model_numbers  integer[]   NOT NULL,
  title_vi       text        NOT NULL,
  title_en       text        NOT NULL,
  body_vi        text        NOT NULL,
  body_en        text        NOT NULL,
  created_at     timestamptz NOT NULL,
  read_at        timestamptz,
  read_by        text,
  email_to       text,
  email_status   text        NOT NULL,
  emailed_at     timestamptz,
  CONSTRAINT notification_pk PRIMARY KEY (id),
  CONSTRAINT notification_once_uq UNIQUE (audience, unit_id, period, kind),
  CONSTRAINT notification_unit_fk FOREIGN KEY (unit_id) REFERENCES plan.unit (id),
  CONSTRAINT notification_audience_ck CHECK (audience IN ('unit', 'standing_agency')),
  CONSTRAINT notification_kind_ck CHECK (kind IN ('report_due_soon', 'report_overdue', 'model_deadline_soon', 'model_overdue')),
  CONSTRAINT notification_email_ck CHECK (email_status IN ('none', 'pending', 'sent', 'failed'))
);
CREATE INDEX notification_unit_ix ON plan.notification (unit_id, created_at DESC);
COMMENT ON TABLE plan.notification IS 'In-app reminder about due or overdue reports and model deadlines; one per (audience, unit, period, kind).';

CREATE TABLE plan.change_log (
  id          bigserial   NOT NULL,
  at          timestamptz NOT NULL,
  actor_id    text        NOT NULL,
  entity      text        NOT NULL,
  entity_id   text        NOT NULL,
  change      text        NOT NULL,
  details     jsonb       NOT NULL,
  request_id  text        NOT NULL,
  CONSTRAINT change_log_pk PRIMARY KEY (id),
  CONSTRAINT change_log_request_uq UNIQUE (request_id),
  CONSTRAINT change_log_entity_ck CHECK (entity IN ('unit', 'unit_succession', 'model_lead'))
);
COMMENT ON TABLE plan.change_log IS 'Append-only record of administrators'' changes to units, successions and lead assignments.';
COMMENT ON COLUMN plan.change_log.actor_id IS 'Account id of the administrator who made the change.';

-- Logs are append-only: corrections are new actions, never edits.
CREATE FUNCTION plan.forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'plan.% is append-only (%)', TG_TABLE_NAME, TG_OP;
END
$$;
CREATE TRIGGER report_action_append_only BEFORE UPDATE OR DELETE ON plan.report_action FOR EACH ROW EXECUTE FUNCTION plan.forbid_change();
CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON plan.change_log FOR EACH ROW EXECUTE FUNCTION plan.forbid_change();
CREATE TRIGGER consolidation_append_only BEFORE UPDATE OR DELETE ON plan.consolidation FOR EACH ROW EXECUTE FUNCTION plan.forbid_change();
