package dev.refunds.application.admin;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters of the admin refund search, across businesses; an empty one matches everything. Created in
 * {@code [createdFrom, createdTo)}.
 */
public record RefundSearch(Optional<RefundStatus> status, Optional<BusinessId> businessId,
                           Optional<PaymentId> paymentId, Optional<RefundId> refundId,
                           Optional<String> merchantRef, Optional<Instant> createdFrom,
                           Optional<Instant> createdTo) {

    /** The review queue is worked oldest first; every other search shows the newest first. */
    public boolean oldestFirst() {
        return status.filter(wanted -> wanted == RefundStatus.PENDING_REVIEW).isPresent();
    }
}
