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
 * @param reviewedBy         the name of the operator who approved or rejected it; empty until reviewed
 */
public record Refund(RefundId id, PaymentId paymentId, BusinessId businessId, Money amount, RefundStatus status,
                     String reason, Optional<String> merchantRef, Optional<String> rejectReason,
                     Optional<String> failureReason, Instant initiatedAt, Instant updatedAt,
                     Optional<Instant> completedAt, Optional<FailureCode> failureCode,
                     Optional<String> processorReference, Optional<String> acquirerReference,
                     Optional<Instant> reversedAt, Metadata metadata, Optional<String> reviewedBy) {

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
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(reviewedBy, "reviewedBy");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a refund is never zero");
        }
        if (reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("reason must be 1-" + REASON_LENGTH_MAX + " characters");
        }
        if (rejectReason.isPresent() && status != RefundStatus.REJECTED) {
            throw new IllegalArgumentException("only a REJECTED refund has a rejectReason");
        }
        if (reviewedBy.isPresent() && status == RefundStatus.PENDING_REVIEW) {
            throw new IllegalArgumentException("a refund waiting for review has no reviewer yet");
        }
        RefundInvariants.check(status, completedAt, failureReason, failureCode, processorReference,
                acquirerReference, reversedAt);
    }

    static Refund requested(RefundId id, Payment payment, Money amount, RefundStatus firstStatus, String reason,
                            Optional<String> merchantRef, Metadata metadata, Instant now) {
        if (firstStatus != RefundStatus.PENDING_REVIEW && firstStatus != RefundStatus.INITIATED) {
            throw new IllegalArgumentException("a refund starts PENDING_REVIEW or INITIATED, not " + firstStatus);
        }
        return new Refund(id, payment.id(), payment.businessId(), amount, firstStatus, reason, merchantRef,
                Optional.empty(), Optional.empty(), now, now, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), metadata, Optional.empty());
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
                Optional.empty(), metadata, reviewedBy);
    }

    /** The refund after the processor's word; the references it brings are kept from then on. */
    Refund settle(Settlement settlement, Instant now) {
        RefundStatus next = settlement.target();
        requireMove(next);
        if (settlement instanceof Settlement.Sent sent) {
            return new Refund(id, paymentId, businessId, amount, next, reason, merchantRef, rejectReason,
                    Optional.empty(), initiatedAt, now, Optional.empty(), Optional.empty(),
                    Optional.of(sent.processorReference()), Optional.empty(), Optional.empty(), metadata,
                    reviewedBy);
        }
        if (settlement instanceof Settlement.Settled settled) {
            return new Refund(id, paymentId, businessId, amount, next, reason, merchantRef, rejectReason,
                    Optional.empty(), initiatedAt, now, Optional.of(now), Optional.empty(), processorReference,
                    settled.acquirerReference(), Optional.empty(), metadata, reviewedBy);
        }
        Settlement.Declined declined = (Settlement.Declined) settlement;
        return new Refund(id, paymentId, businessId, amount, next, reason, merchantRef, rejectReason,
                Optional.of(declined.reason()), initiatedAt, now, Optional.empty(), Optional.of(declined.code()),
                processorReference, Optional.empty(), Optional.empty(), metadata, reviewedBy);
    }

    /** The refund reversed; what was known of its completion (when, the references) is kept. */
    Refund reverse(Reversal reversal, Instant now) {
        requireMove(RefundStatus.REVERSED);
        return new Refund(id, paymentId, businessId, amount, RefundStatus.REVERSED, reason, merchantRef,
                rejectReason, Optional.of(reversal.reason()), initiatedAt, now, completedAt,
                Optional.of(reversal.code()), processorReference, acquirerReference, Optional.of(now), metadata,
                reviewedBy);
    }

    /** The same refund with other metadata; nothing else changes. */
    public Refund withMetadata(Metadata newMetadata) {
        return new Refund(id, paymentId, businessId, amount, status, reason, merchantRef, rejectReason,
                failureReason, initiatedAt, updatedAt, completedAt, failureCode, processorReference,
                acquirerReference, reversedAt, newMetadata, reviewedBy);
    }

    /** The same refund, reviewed (approved or rejected) by the operator named; nothing else changes. */
    public Refund reviewedBy(String operatorName) {
        if (operatorName == null || operatorName.isBlank()) {
            throw new IllegalArgumentException("a review names its operator");
        }
        return new Refund(id, paymentId, businessId, amount, status, reason, merchantRef, rejectReason,
                failureReason, initiatedAt, updatedAt, completedAt, failureCode, processorReference,
                acquirerReference, reversedAt, metadata, Optional.of(operatorName));
    }

    private void requireMove(RefundStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("refund " + id + " cannot move from " + status + " to " + next);
        }
    }
}
