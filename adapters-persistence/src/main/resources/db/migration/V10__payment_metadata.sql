-- Issue 18: a merchant's metadata on a payment, as a JSON object of strings (NULL when there is none).
ALTER TABLE payments ADD COLUMN metadata TEXT NULL;
