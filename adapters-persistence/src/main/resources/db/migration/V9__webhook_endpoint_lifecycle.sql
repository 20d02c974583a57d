-- Webhook endpoints that behave like Svix's (issue 21): per-endpoint isolation, ENABLED/DISABLED, secret rotation,
-- recovery and retention. Portable between MariaDB/MySQL and H2 in MySQL mode.

-- ENABLED or DISABLED (a 410, or only failures for REFUNDS_WEBHOOKS_DISABLE_AFTER); failing_since_ms is the time
-- of the first failed attempt since the last success. During a rotation the old secret signs too until it expires.
ALTER TABLE webhook_endpoints ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ENABLED';
ALTER TABLE webhook_endpoints ADD COLUMN failing_since_ms BIGINT NULL;
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret VARCHAR(100) NULL;
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_until_ms BIGINT NULL;

-- The attempts in flight to one endpoint, counted under the endpoint's row lock at every claim.
CREATE INDEX ix_webhook_deliveries_in_flight ON webhook_deliveries (endpoint_id, lease_until_ms);
-- Recovery (an endpoint's FAILED deliveries of a window) and the retention purge (old SUCCEEDED ones).
CREATE INDEX ix_webhook_deliveries_created ON webhook_deliveries (status, created_at_ms);
