-- Idempotency keys, scoped per business (or "admin"). A row is claimed IN PROGRESS (no response yet) by an owner
-- token with a lease, then completed with the response in the same transaction as the change it guards.
CREATE TABLE idempotency_keys (
    scope           VARCHAR(40)  NOT NULL,
    idem_key        VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    owner_token     CHAR(36)     NOT NULL,
    lease_until_ms  BIGINT       NOT NULL,
    response_status INT          NULL,
    response_body   TEXT         NULL,
    created_at_ms   BIGINT       NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX ix_idempotency_created ON idempotency_keys (created_at_ms);
