-- Keyed fingerprints of the secrets all instances on this database must share (HMAC-SHA-256 of a fixed label,
-- keyed with the secret; never the secret itself), one row per setting, e.g. REFUNDS_API_KEY_SECRET.
CREATE TABLE secret_fingerprints (
    setting_name    VARCHAR(64)  NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    recorded_at_ms  BIGINT       NOT NULL,
    PRIMARY KEY (setting_name)
);
