-- A lane that ends an attempt claims its endpoint's next due delivery in the outcome's transaction: that read
-- goes straight to the endpoint's pending deliveries in due order, not through its whole history.
CREATE INDEX ix_webhook_deliveries_endpoint_due ON webhook_deliveries (endpoint_id, status, next_attempt_at_ms);
