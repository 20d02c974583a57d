-- Issue 19: the operator who approved or rejected a refund, written in the same transaction as the review and
-- its audit record, so every refund view (lists included) shows it without a look-up per refund.
ALTER TABLE refunds ADD COLUMN reviewed_by VARCHAR(100) NULL;

-- Refunds reviewed before this column existed take the name their audit record gives (the latest review).
UPDATE refunds SET reviewed_by = (
    SELECT a.operator_name FROM audit_records a
    WHERE a.subject = refunds.refund_id AND a.action IN ('refund.approved', 'refund.rejected')
    ORDER BY a.seq DESC LIMIT 1)
WHERE status <> 'PENDING_REVIEW';
