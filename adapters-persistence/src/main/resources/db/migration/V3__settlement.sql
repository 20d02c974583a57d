-- Settlement bookkeeping on refunds: a claim for sending (kept for good: a claimed refund may be at the
-- processor, so it can no longer be cancelled), the claim's lease, and when to ask the processor next.
ALTER TABLE refunds ADD COLUMN claimed_at_ms BIGINT NULL;
ALTER TABLE refunds ADD COLUMN send_lease_until_ms BIGINT NULL;
ALTER TABLE refunds ADD COLUMN next_check_at_ms BIGINT NULL;
ALTER TABLE refunds ADD COLUMN check_attempts INT NOT NULL DEFAULT 0;
CREATE INDEX ix_refunds_check ON refunds (status, next_check_at_ms);

-- The sandbox processor's own ledger: one row per refund it received (the refund id is its idempotency key).
-- It lives in the service's database so that every instance talks to the same "processor".
CREATE TABLE sandbox_processor_refunds (
    refund_id      VARCHAR(40)  NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    received_at_ms BIGINT       NOT NULL,
    settle_at_ms   BIGINT       NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    failure_reason VARCHAR(200) NULL,
    submit_calls   INT          NOT NULL,
    PRIMARY KEY (refund_id)
);
