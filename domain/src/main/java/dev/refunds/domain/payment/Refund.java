package dev.refunds.domain.payment;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Money going back to a customer against one payment. Its amount counts against the payment while the refund
 * is in flight ({@link RefundStatus#reservesAmount()}); changes go through {@link Payment#moveRefund}, which keeps
 * the payment's totals in step.
 */
public record Refund(RefundId id, PaymentId paymentId, BusinessId businessId, Money amount, RefundStatus status,
                     String reason, Optional<String> merchantRef, Optional<String> rejectReason,
                     Optional<String> failureReason, Instant initiatedAt, Instant updatedAt,
                     Optional<Instant> completedAt) {

    public static final int REASON_LENGTH_MAX = 500;
    public static final int MERCHANT_REF_LENGTH_MAX = 100;

    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(rejectReason, "rejectReason");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(initiatedAt, "initiatedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a refund is never zero");
        }
        if (reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("reason must be 1-" + REASON_LENGTH_MAX + " characters");
        }
        if (completedAt.isPresent() != (status == RefundStatus.COMPLETED)) {
            throw new IllegalArgumentException("completedAt is set exactly when the refund is COMPLETED");
        }
        if (failureReason.isPresent() != (status == RefundStatus.FAILED)) {
            throw new IllegalArgumentException("failureReason is set exactly when the refund is FAILED");
        }
        if (rejectReason.isPresent() && status != RefundStatus.REJECTED) {
            throw new IllegalArgumentException("only a REJECTED refund has a rejectReason");
        }
    }

    static Refund requested(RefundId id, Payment payment, Money amount, RefundStatus firstStatus, String reason,
                            Optional<String> merchantRef, Instant now) {
        if (firstStatus != RefundStatus.PENDING_REVIEW && firstStatus != RefundStatus.INITIATED) {
            throw new IllegalArgumentException("a refund starts PENDING_REVIEW or INITIATED, not " + firstStatus);
        }
        return new Refund(id, payment.id(), payment.businessId(), amount, firstStatus, reason, merchantRef,
                Optional.empty(), Optional.empty(), now, now, Optional.empty());
    }

    /**
     * The refund in its next status. {@code note} is the reject reason for {@code REJECTED} (optional) and the
     * failure reason for {@code FAILED} (required). Callers ask {@link RefundStatus#canMoveTo} first; reaching
     * the throw here is a bug.
     */
    Refund moveTo(RefundStatus next, Optional<String> note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("refund " + id + " cannot move from " + status + " to " + next);
        }
        Optional<String> reject = next == RefundStatus.REJECTED ? note : Optional.empty();
        Optional<String> failure = next == RefundStatus.FAILED
                ? Optional.of(note.orElseThrow(() -> new IllegalArgumentException("a failure needs its reason")))
                : Optional.empty();
        Optional<Instant> completed = next == RefundStatus.COMPLETED ? Optional.of(now) : Optional.empty();
        return new Refund(id, paymentId, businessId, amount, next, reason, merchantRef, reject, failure,
                initiatedAt, now, completed);
    }
}
