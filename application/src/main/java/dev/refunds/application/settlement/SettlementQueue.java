package dev.refunds.application.settlement;

import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;

import java.time.Instant;
import java.util.List;

/**
 * Which refunds the settlement worker owes a processor call. A refund is claimed for sending under its payment's
 * lock; once claimed it counts as sent (it can no longer be cancelled), and a claim whose lease ran out (its
 * worker died) is claimed again and sent again with the same idempotency key.
 */
public interface SettlementQueue {
    /** {@code INITIATED} refunds not claimed, or whose claim expired; oldest first. */
    List<Refund> dueForSending(Instant now, int max);

    /** Claims the refund until {@code leaseUntil}; call with its payment locked. False if taken meanwhile. */
    boolean claimForSending(RefundId refundId, Instant now, Instant leaseUntil);

    /** True once the refund was claimed for sending: it may have reached the processor. */
    boolean isClaimed(RefundId refundId);

    /** When to ask the processor about a {@code PROCESSING} refund next. */
    void scheduleCheck(RefundId refundId, Instant at);

    /**
     * Refunds whose check is due, oldest due first: {@code PROCESSING} ones, and {@code COMPLETED} ones until
     * {@link #stopChecks} (the processor may still report those reversed).
     */
    List<DueCheck> dueForCheck(Instant now, int max);

    /** No more checks of this refund: a completed one whose reversal window is over. */
    void stopChecks(RefundId refundId);

    /** Takes a due check for this worker by moving it to {@code nextAt}; false when another worker took it. */
    boolean claimCheck(RefundId refundId, Instant dueAt, Instant nextAt);

    record DueCheck(Refund refund, Instant dueAt, int attempts) {
    }
}
