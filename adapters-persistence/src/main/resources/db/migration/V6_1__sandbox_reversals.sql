-- Issue 18: the sandbox processor reverses amounts whose minor units end in 31 one settle delay after completing
-- them; when, is written with the refund so that every instance sharing the ledger agrees.
ALTER TABLE sandbox_processor_refunds ADD COLUMN reverse_at_ms BIGINT NULL;
