-- One schema for MariaDB/MySQL and for H2 in MySQL mode (the embedded default): plain types only.
-- Money is integer minor units plus currency; times are epoch milliseconds (no time-zone conversions anywhere).
-- seq columns give a stable creation order for cursor pages.

CREATE TABLE businesses (
    business_id    VARCHAR(32)    NOT NULL,
    client_id      VARCHAR(32)    NOT NULL,
    name           VARCHAR(200)   NOT NULL,
    review_mode    VARCHAR(16)    NOT NULL,
    refund_mode    VARCHAR(16)    NOT NULL,
    review_above   DECIMAL(21, 3) NULL,
    api_key_hash   CHAR(64)       NOT NULL,
    created_at_ms  BIGINT         NOT NULL,
    PRIMARY KEY (business_id)
);

CREATE TABLE payments (
    seq              BIGINT       NOT NULL AUTO_INCREMENT,
    payment_id       VARCHAR(40)  NOT NULL,
    pay_id           BIGINT       NOT NULL,
    business_id      VARCHAR(32)  NOT NULL,
    amount_minor     BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    payment_type     VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    refunded_minor   BIGINT       NOT NULL,
    reserved_minor   BIGINT       NOT NULL,
    counting_refunds INT          NOT NULL,
    dispute_status   VARCHAR(8)   NULL,
    merchant_ref     VARCHAR(100) NULL,
    description      VARCHAR(500) NULL,
    created_at_ms    BIGINT       NOT NULL,
    completed_at_ms  BIGINT       NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_payments_payment_id UNIQUE (payment_id),
    CONSTRAINT uq_payments_pay_id UNIQUE (pay_id),
    CONSTRAINT ck_payments_ceiling CHECK (refunded_minor >= 0 AND reserved_minor >= 0
        AND refunded_minor + reserved_minor <= amount_minor)
);
CREATE INDEX ix_payments_business ON payments (business_id, seq);
CREATE INDEX ix_payments_business_status ON payments (business_id, status, seq);

CREATE TABLE refunds (
    seq             BIGINT       NOT NULL AUTO_INCREMENT,
    refund_id       VARCHAR(40)  NOT NULL,
    payment_id      VARCHAR(40)  NOT NULL,
    business_id     VARCHAR(32)  NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    merchant_ref    VARCHAR(100) NULL,
    reject_reason   VARCHAR(500) NULL,
    failure_reason  VARCHAR(500) NULL,
    initiated_at_ms BIGINT       NOT NULL,
    updated_at_ms   BIGINT       NOT NULL,
    completed_at_ms BIGINT       NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_refunds_refund_id UNIQUE (refund_id),
    CONSTRAINT ck_refunds_amount CHECK (amount_minor > 0)
);
CREATE INDEX ix_refunds_business ON refunds (business_id, seq);
CREATE INDEX ix_refunds_business_status ON refunds (business_id, status, seq);
CREATE INDEX ix_refunds_payment ON refunds (payment_id, seq);
CREATE INDEX ix_refunds_status ON refunds (status, seq);

CREATE TABLE disputes (
    dispute_id    VARCHAR(40)  NOT NULL,
    payment_id    VARCHAR(40)  NOT NULL,
    business_id   VARCHAR(32)  NOT NULL,
    status        VARCHAR(8)   NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    opened_at_ms  BIGINT       NOT NULL,
    closed_at_ms  BIGINT       NULL,
    PRIMARY KEY (dispute_id)
);
CREATE INDEX ix_disputes_payment ON disputes (payment_id);

-- Written in the same transaction as the change it reports; delivered later by the webhook relay.
CREATE TABLE outbox_events (
    seq            BIGINT      NOT NULL AUTO_INCREMENT,
    event_id       VARCHAR(40) NOT NULL,
    business_id    VARCHAR(32) NOT NULL,
    event_type     VARCHAR(40) NOT NULL,
    refund_id      VARCHAR(40) NOT NULL,
    payment_id     VARCHAR(40) NOT NULL,
    payload        TEXT        NOT NULL,
    occurred_at_ms BIGINT      NOT NULL,
    relayed_at_ms  BIGINT      NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_outbox_event_id UNIQUE (event_id)
);
CREATE INDEX ix_outbox_refund ON outbox_events (refund_id);
CREATE INDEX ix_outbox_unrelayed ON outbox_events (relayed_at_ms, seq);
