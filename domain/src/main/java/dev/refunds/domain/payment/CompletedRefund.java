package dev.refunds.domain.payment;

import java.util.Optional;

/**
 * A refund known to be {@code COMPLETED}: the only thing {@link Payment#reverseRefund} takes, so that a reversal
 * of a refund in any other status cannot be written down at all.
 */
public final class CompletedRefund {
    private final Refund refund;

    private CompletedRefund(Refund refund) {
        this.refund = refund;
    }

    /** The refund as a completed one, or empty when it is not {@code COMPLETED}. */
    public static Optional<CompletedRefund> of(Refund refund) {
        return refund.status() == RefundStatus.COMPLETED ? Optional.of(new CompletedRefund(refund)) : Optional.empty();
    }

    public Refund refund() {
        return refund;
    }
}
