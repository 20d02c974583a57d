package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A {@code refunds} row with its settlement columns, read in one statement so a check's due time is the one that
 * selected it (a second read could see another worker's newer time and check twice).
 */
@MappedEntity(value = "refunds", escape = false)
record DueCheckRow(@Id String refundId, String paymentId, String businessId, long amountMinor, String currency,
                   String status, String reason, @Nullable String merchantRef, @Nullable String rejectReason,
                   @Nullable String failureReason, long initiatedAtMs, long updatedAtMs,
                   @Nullable Long completedAtMs, @Nullable String processorReference,
                   @Nullable String acquirerReference, @Nullable String failureCode, @Nullable Long reversedAtMs,
                   @Nullable String metadata, @Nullable String reviewedBy,
                   long nextCheckAtMs, int checkAttempts) {

    RefundRow refund() {
        return new RefundRow(refundId, paymentId, businessId, amountMinor, currency, status, reason, merchantRef,
                rejectReason, failureReason, initiatedAtMs, updatedAtMs, completedAtMs, processorReference,
                acquirerReference, failureCode, reversedAtMs, metadata, reviewedBy);
    }
}
