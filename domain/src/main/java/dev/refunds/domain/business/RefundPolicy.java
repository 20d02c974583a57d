package dev.refunds.domain.business;

import dev.refunds.domain.money.Money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How a business's refunds are handled. {@code reviewAbove} is a decimal in the payment's own currency units,
 * whatever the currency: in {@code AUTO} mode a refund above it still goes to review.
 */
public record RefundPolicy(ReviewMode reviewMode, RefundMode refundMode, Optional<BigDecimal> reviewAbove) {

    public RefundPolicy {
        Objects.requireNonNull(reviewMode, "reviewMode");
        Objects.requireNonNull(refundMode, "refundMode");
        Objects.requireNonNull(reviewAbove, "reviewAbove");
        reviewAbove.ifPresent(limit -> {
            if (limit.signum() < 0) {
                throw new IllegalArgumentException("reviewAbove is never negative");
            }
        });
    }

    public static RefundPolicy of(ReviewMode reviewMode, RefundMode refundMode) {
        return new RefundPolicy(reviewMode, refundMode, Optional.empty());
    }

    /** True when a refund of this amount must wait for an admin before it goes to the processor. */
    public boolean needsReview(Money amount) {
        if (reviewMode == ReviewMode.MANUAL) {
            return true;
        }
        return reviewAbove.map(limit -> amount.toDecimal().compareTo(limit) > 0).orElse(false);
    }

    /** True when the payment may take another refund request, given how many of its refunds still count. */
    public boolean allowsAnotherRefund(int countingRefunds) {
        return refundMode == RefundMode.MULTIPLE || countingRefunds == 0;
    }
}
