-- The outbox carries any aggregate's events: what an event is about is its subject (type and id), and only some
-- events concern a payment. Existing rows are refund events; their bodies are kept as they are.
ALTER TABLE outbox_events ADD COLUMN subject_type VARCHAR(32) NOT NULL DEFAULT 'refund';
ALTER TABLE outbox_events ADD COLUMN subject_id VARCHAR(40) NULL;
UPDATE outbox_events SET subject_id = refund_id;
ALTER TABLE outbox_events MODIFY subject_id VARCHAR(40) NOT NULL;
ALTER TABLE outbox_events MODIFY payment_id VARCHAR(40) NULL;
DROP INDEX ix_outbox_refund ON outbox_events;
ALTER TABLE outbox_events DROP COLUMN refund_id;
CREATE INDEX ix_outbox_subject ON outbox_events (subject_type, subject_id);
