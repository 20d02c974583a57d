-- Issue 18: what the processor says about a refund. processor_reference from PROCESSING on, acquirer_reference
-- (an ARN) once COMPLETED, failure_code beside failure_reason for FAILED and REVERSED refunds, reversed_at_ms
-- for a completed refund that came back.
ALTER TABLE refunds ADD COLUMN processor_reference VARCHAR(64) NULL;
ALTER TABLE refunds ADD COLUMN acquirer_reference VARCHAR(64) NULL;
ALTER TABLE refunds ADD COLUMN failure_code VARCHAR(32) NULL;
ALTER TABLE refunds ADD COLUMN reversed_at_ms BIGINT NULL;
-- Refunds that failed before codes existed: their cause was only ever written in words.
UPDATE refunds SET failure_code = 'unknown' WHERE status = 'FAILED';
