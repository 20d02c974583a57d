-- Issue 18: a merchant's metadata on a refund, as a JSON object of strings (NULL when there is none).
ALTER TABLE refunds ADD COLUMN metadata TEXT NULL;
