-- Reports read refunds by creation time (keyset pages over (initiated_at_ms, refund_id)); reconciliation reads
-- them by completion time and reads the sandbox ledger by settlement time.
CREATE INDEX ix_refunds_created ON refunds (initiated_at_ms, refund_id);
CREATE INDEX ix_refunds_business_created ON refunds (business_id, initiated_at_ms, refund_id);
CREATE INDEX ix_refunds_completed ON refunds (completed_at_ms, refund_id);
CREATE INDEX ix_sandbox_settled ON sandbox_processor_refunds (settle_at_ms, refund_id);

-- What reconciliation found: one row per kind and refund (a rerun over the same window inserts nothing).
-- refund_id is the processor's id for UNKNOWN_TO_US, so it names no refund of ours then.
CREATE TABLE reconciliation_discrepancies (
    seq                    BIGINT       NOT NULL AUTO_INCREMENT,
    discrepancy_id         VARCHAR(40)  NOT NULL,
    kind                   VARCHAR(32)  NOT NULL,
    refund_id              VARCHAR(40)  NOT NULL,
    ours_status            VARCHAR(16)  NULL,
    ours_amount_minor      BIGINT       NULL,
    ours_currency          CHAR(3)      NULL,
    processor_status       VARCHAR(16)  NULL,
    processor_amount_minor BIGINT       NULL,
    processor_currency     CHAR(3)      NULL,
    detected_at_ms         BIGINT       NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    note                   VARCHAR(500) NULL,
    resolved_at_ms         BIGINT       NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_discrepancies_id UNIQUE (discrepancy_id),
    CONSTRAINT uq_discrepancies_kind_refund UNIQUE (kind, refund_id)
);
CREATE INDEX ix_discrepancies_status ON reconciliation_discrepancies (status, seq);

-- The job's one row: how far it has compared and which instance holds it now (a lease, like settlement claims).
CREATE TABLE reconciliation_runs (
    job            VARCHAR(32) NOT NULL,
    checkpoint_ms  BIGINT      NOT NULL,
    lease_owner    VARCHAR(64) NULL,
    lease_until_ms BIGINT      NOT NULL,
    PRIMARY KEY (job)
);
INSERT INTO reconciliation_runs (job, checkpoint_ms, lease_owner, lease_until_ms) VALUES ('processor', 0, NULL, 0);
