-- Webhooks: endpoints, one delivery per (event, endpoint), and every attempt of each delivery.
-- Portable between MariaDB/MySQL and H2 in MySQL mode: plain types, separate indexes, epoch-millisecond times.

-- A business's endpoints. The signing secret must be kept as given (an HMAC key cannot be a hash); a deleted
-- endpoint keeps its row, so its deliveries keep their endpoint, but nothing reads or sends to it again.
CREATE TABLE webhook_endpoints (
    seq            BIGINT        NOT NULL AUTO_INCREMENT,
    endpoint_id    VARCHAR(40)   NOT NULL,
    business_id    VARCHAR(32)   NOT NULL,
    url            VARCHAR(2048) NOT NULL,
    event_types    VARCHAR(400)  NOT NULL,
    signing_secret VARCHAR(100)  NOT NULL,
    created_at_ms  BIGINT        NOT NULL,
    deleted_at_ms  BIGINT        NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_webhook_endpoints_endpoint_id UNIQUE (endpoint_id)
);
CREATE INDEX ix_webhook_endpoints_business ON webhook_endpoints (business_id, seq);

-- One event on its way to one endpoint. A worker claims a due delivery with a lease (token + until); the unique
-- (event, endpoint) pair makes a second fan-out of one event fail rather than send it twice.
CREATE TABLE webhook_deliveries (
    seq                BIGINT      NOT NULL AUTO_INCREMENT,
    delivery_id        VARCHAR(40) NOT NULL,
    endpoint_id        VARCHAR(40) NOT NULL,
    business_id        VARCHAR(32) NOT NULL,
    event_id           VARCHAR(40) NOT NULL,
    event_type         VARCHAR(40) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    attempts_left      INT         NOT NULL,
    next_attempt_at_ms BIGINT      NULL,
    lease_token        VARCHAR(40) NULL,
    lease_until_ms     BIGINT      NULL,
    created_at_ms      BIGINT      NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_webhook_deliveries_delivery_id UNIQUE (delivery_id),
    CONSTRAINT uq_webhook_deliveries_event_endpoint UNIQUE (event_id, endpoint_id),
    CONSTRAINT ck_webhook_deliveries_attempts_left CHECK (attempts_left >= 0)
);
CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, seq);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at_ms);

-- Every attempt: when, the HTTP status if the endpoint answered, how long it took, else a short error.
CREATE TABLE webhook_delivery_attempts (
    seq             BIGINT       NOT NULL AUTO_INCREMENT,
    delivery_id     VARCHAR(40)  NOT NULL,
    attempted_at_ms BIGINT       NOT NULL,
    status_code     INT          NULL,
    latency_ms      BIGINT       NOT NULL,
    error_text      VARCHAR(200) NULL,
    PRIMARY KEY (seq)
);
CREATE INDEX ix_webhook_attempts_delivery ON webhook_delivery_attempts (delivery_id, seq);
