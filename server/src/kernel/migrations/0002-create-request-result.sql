-- Idempotency of state-changing requests (DESIGN.md §2): a retry with the same client request id returns the first
-- answer instead of doing the work twice (a kiosk or a phone on a flaky network retries).
CREATE TABLE kernel.request_result (
  actor_id    text        NOT NULL,
  request_id  text        NOT NULL,
  operation   text        NOT NULL,
  status      integer     NOT NULL,
  result      jsonb       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT request_result_pk PRIMARY KEY (actor_id, request_id)
);
COMMENT ON TABLE kernel.request_result IS 'Answers to state-changing requests, keyed by actor and client request id.';
COMMENT ON COLUMN kernel.request_result.result IS 'The answer given; may hold personal data of the subject (personal data).';
