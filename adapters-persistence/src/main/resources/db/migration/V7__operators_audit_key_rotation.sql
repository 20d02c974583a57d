-- Named operators, the audit trail of admin writes, and API-key rotation (issue #19).
-- Portable between MariaDB/MySQL and H2 in MySQL mode: plain types, separate indexes, epoch-millisecond times.

-- Operators other than the built-in root (REFUNDS_ADMIN_TOKEN). The token is kept only as its keyed hash
-- (HMAC-SHA-256 under the API-key secret), so every instance checks a presented token against this table.
CREATE TABLE operators (
    seq            BIGINT       NOT NULL AUTO_INCREMENT,
    operator_id    VARCHAR(40)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    token_hash     CHAR(64)     NOT NULL,
    created_at_ms  BIGINT       NOT NULL,
    revoked_at_ms  BIGINT       NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_operators_operator_id UNIQUE (operator_id),
    CONSTRAINT uq_operators_token_hash UNIQUE (token_hash)
);

-- Appended in the same transaction as the admin write it records; nothing updates or deletes a row.
CREATE TABLE audit_records (
    seq            BIGINT       NOT NULL AUTO_INCREMENT,
    audit_id       VARCHAR(40)  NOT NULL,
    at_ms          BIGINT       NOT NULL,
    operator_id    VARCHAR(40)  NOT NULL,
    operator_name  VARCHAR(100) NOT NULL,
    action         VARCHAR(40)  NOT NULL,
    subject        VARCHAR(40)  NOT NULL,
    reason         VARCHAR(500) NULL,
    request_id     VARCHAR(64)  NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_audit_records_audit_id UNIQUE (audit_id)
);
CREATE INDEX ix_audit_operator ON audit_records (operator_id, seq);
CREATE INDEX ix_audit_subject ON audit_records (subject, seq);

-- A rotated key: the previous key's hash stays valid until its expiry.
ALTER TABLE businesses ADD COLUMN previous_api_key_hash CHAR(64) NULL;
ALTER TABLE businesses ADD COLUMN previous_api_key_expires_at_ms BIGINT NULL;

-- The admin refund search filters across businesses.
CREATE INDEX ix_refunds_payment_any ON refunds (payment_id);
CREATE INDEX ix_refunds_merchant_ref ON refunds (merchant_ref);
