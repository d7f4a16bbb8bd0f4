-- Transactional outbox: a module writes its events here in the same transaction as the change they describe;
-- the dispatcher (kernel/outbox.ts) delivers them to subscribed handlers with retries.
CREATE TABLE kernel.outbox (
  id            bigserial   NOT NULL,
  topic         text        NOT NULL,
  -- The entity the event is about (for example a person id); lets a handler order or group events.
  key           text,
  payload       jsonb       NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  available_at  timestamptz NOT NULL DEFAULT now(),
  attempts      integer     NOT NULL DEFAULT 0,
  status        text        NOT NULL DEFAULT 'pending',
  last_error    text,
  delivered_at  timestamptz,
  CONSTRAINT outbox_pk PRIMARY KEY (id),
  CONSTRAINT outbox_status_ck CHECK (status IN ('pending', 'delivered', 'failed'))
);
CREATE INDEX outbox_pending_ix ON kernel.outbox (id) WHERE status = 'pending';
COMMENT ON COLUMN kernel.outbox.available_at IS 'When a failed event is next retried (a new event is due at once).';
COMMENT ON TABLE kernel.outbox IS 'Events written with the change they describe, delivered by the dispatcher.';
COMMENT ON COLUMN kernel.outbox.key IS 'Entity the event is about; may be a personal id number (personal data).';
COMMENT ON COLUMN kernel.outbox.payload IS 'Event content; may carry personal data of the subject (personal data).';

-- One row per (event, handler) that has run to completion: makes delivery idempotent, because a handler's own
-- database writes commit together with this row.
CREATE TABLE kernel.outbox_delivery (
  event_id     bigint      NOT NULL,
  handler      text        NOT NULL,
  delivered_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT outbox_delivery_pk PRIMARY KEY (event_id, handler),
  CONSTRAINT outbox_delivery_event_fk FOREIGN KEY (event_id) REFERENCES kernel.outbox (id) ON DELETE CASCADE
);
COMMENT ON TABLE kernel.outbox_delivery IS 'Handlers that have processed an outbox event.';
