package dev.refunds.domain.payment;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.money.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Money going back to a customer against one payment. Its amount counts against the payment while the refund
 * is in flight ({@link RefundStatus#reservesAmount()}); changes go through {@link Payment#moveRefund},
 * {@link Payment#settleRefund} and {@link Payment#reverseRefund}, which keep the payment's totals in step.
 *
 * @param processorReference the processor's id for the refund, from {@code PROCESSING} on
 * @param acquirerReference  the reference the customer's bank can trace (an ARN), once {@code COMPLETED}
 * @param failureCode        why it {@code FAILED} or was {@code REVERSED}, beside the human {@code failureReason}
 */
public record Refund(RefundId id, PaymentId paymentId, BusinessId businessId, Money amount, RefundStatus status,
                     String reason, Optional<String> merchantRef, Optional<String> rejectReason,
                     Optional<String> failureReason, Instant initiatedAt, Instant updatedAt,
                     Optional<Instant> completedAt, Optional<FailureCode> failureCode,
                     Optional<String> processorReference, Optional<String> acquirerReference,
                     Optional<Instant> reversedAt) {

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
        Objects.requireNonNull(initiatedAt, "initiatedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a refund is never zero");
        }
        if (reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("reason must be 1-" + REASON_LENGTH_MAX + " characters");
        }
        if (rejectReason.isPresent() && status != RefundStatus.REJECTED) {
            throw new IllegalArgumentException("only a REJECTED refund has a rejectReason");
        }
        RefundInvariants.check(status, completedAt, failureReason, failureCode, processorReference,
                acquirerReference, reversedAt);
    }

    static Refund requested(RefundId id, Payment payment, Money amount, RefundStatus firstStatus, String reason,
                            Optional<String> merchantRef, Instant now) {
        if (firstStatus != RefundStatus.PENDING_REVIEW && firstStatus != RefundStatus.INITIATED) {
            throw new IllegalArgumentException("a refund starts PENDING_REVIEW or INITIATED, not " + firstStatus);
        }
        return new Refund(id, payment.id(), payment.businessId(), amount, firstStatus, reason, merchantRef,
                Optional.empty(), Optional.empty(), now, now, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The refund in its next status. {@code note} is the reject reason for {@code REJECTED} (optional) and the
     * failure reason for {@code FAILED} (required; its code is then {@code unknown}). Callers ask
     * {@link RefundStatus#canMoveTo} first; reaching the throw here is a bug.
     */
    Refund moveTo(RefundStatus next, Optional<String> note, Instant now) {
        if (next == RefundStatus.FAILED) {
            return settle(new Settlement.Declined(FailureCode.UNKNOWN,
                    note.orElseThrow(() -> new IllegalArgumentException("a failure needs its reason"))), now);
        }
        requireMove(next);
        Optional<String> reject = next == RefundStatus.REJECTED ? note : Optional.empty();
        Optional<Instant> completed = next == RefundStatus.COMPLETED ? Optional.of(now) : Optional.empty();
        return new Refund(id, paymentId, businessId, amount, next, reason, merchantRef, reject, Optional.empty(),
                initiatedAt, now, completed, Optional.empty(), processorReference, Optional.empty(),
                Optional.empty());
    }

    /** The refund after the processor's word; the references it brings are kept from then on. */
    Refund settle(Settlement settlement, Instant now) {
        RefundStatus next = settlement.target();
        requireMove(next);
        if (settlement instanceof Settlement.Sent sent) {
            return new Refund(id, paymentId, businessId, amount, next, reason, merchantRef, rejectReason,
                    Optional.empty(), initiatedAt, now, Optional.empty(), Optional.empty(),
                    Optional.of(sent.processorReference()), Optional.empty(), Optional.empty());
        }
        if (settlement instanceof Settlement.Settled settled) {
            return new Refund(id, paymentId, businessId, amount, next, reason, merchantRef, rejectReason,
                    Optional.empty(), initiatedAt, now, Optional.of(now), Optional.empty(), processorReference,
                    settled.acquirerReference(), Optional.empty());
        }
        Settlement.Declined declined = (Settlement.Declined) settlement;
        return new Refund(id, paymentId, businessId, amount, next, reason, merchantRef, rejectReason,
                Optional.of(declined.reason()), initiatedAt, now, Optional.empty(), Optional.of(declined.code()),
                processorReference, Optional.empty(), Optional.empty());
    }

    /** The refund reversed; what was known of its completion (when, the references) is kept. */
    Refund reverse(Reversal reversal, Instant now) {
        requireMove(RefundStatus.REVERSED);
        return new Refund(id, paymentId, businessId, amount, RefundStatus.REVERSED, reason, merchantRef,
                rejectReason, Optional.of(reversal.reason()), initiatedAt, now, completedAt,
                Optional.of(reversal.code()), processorReference, acquirerReference, Optional.of(now));
    }

    private void requireMove(RefundStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("refund " + id + " cannot move from " + status + " to " + next);
        }
    }
}
