package dev.refunds.domain.payment;

import java.util.Map;
import java.util.Set;

/** The statuses of a refund and the only transitions between them. */
public enum RefundStatus {
    PENDING_REVIEW, REJECTED, INITIATED, PROCESSING, COMPLETED, FAILED, CANCELLED, REVERSED;

    private static final Map<RefundStatus, Set<RefundStatus>> NEXT = Map.of(
            PENDING_REVIEW, Set.of(INITIATED, REJECTED, CANCELLED),
            INITIATED, Set.of(PROCESSING, FAILED, CANCELLED),
            PROCESSING, Set.of(COMPLETED, FAILED),
            COMPLETED, Set.of(REVERSED));

    public boolean canMoveTo(RefundStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** Still in flight: the amount counts against what the payment can refund. */
    public boolean reservesAmount() {
        return this == PENDING_REVIEW || this == INITIATED || this == PROCESSING;
    }

    /**
     * True for a refund that counts as "requested" for a {@code SINGLE} policy: in flight or completed. A reversed
     * one does not: the money never reached the customer.
     */
    public boolean counts() {
        return reservesAmount() || this == COMPLETED;
    }
}
