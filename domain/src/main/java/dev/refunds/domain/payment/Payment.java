package dev.refunds.domain.payment;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.money.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A payment and the running totals of its refunds. The refund ceiling lives here and only here: the constructor
 * re-checks {@code refunded + reserved <= amount} every time, including when a row is read back from a database.
 *
 * @param refunded        sum of the payment's {@code COMPLETED} refunds
 * @param reserved        sum of its refunds still in flight ({@code PENDING_REVIEW}, {@code INITIATED},
 *                        {@code PROCESSING})
 * @param countingRefunds how many of its refunds are in flight or completed (the {@code SINGLE} policy's count)
 * @param dispute         the status of the latest dispute, empty if there never was one
 * @param metadata        the merchant's own key-value pairs, set when the payment is created
 */
public record Payment(PaymentId id, long payId, BusinessId businessId, Money amount, PaymentType type,
                      PaymentStatus status, Money refunded, Money reserved, int countingRefunds,
                      Optional<DisputeStatus> dispute, Optional<String> merchantRef, Optional<String> description,
                      Metadata metadata, Instant createdAt, Optional<Instant> completedAt) {

    public static final int MERCHANT_REF_LENGTH_MAX = 100;
    public static final int DESCRIPTION_LENGTH_MAX = 500;

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dispute, "dispute");
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(completedAt, "completedAt");
        PaymentInvariants.check(payId, amount, status, refunded, reserved, countingRefunds, dispute, completedAt);
    }

    /** A new unpaid payment. */
    public static Payment create(PaymentId id, long payId, BusinessId businessId, Money amount, PaymentType type,
                                 Optional<String> merchantRef, Optional<String> description, Metadata metadata,
                                 Instant now) {
        Money zero = Money.zero(amount.currency());
        return new Payment(id, payId, businessId, amount, type, PaymentStatus.PENDING, zero, zero, 0,
                Optional.empty(), merchantRef, description, metadata, now, Optional.empty());
    }

    /** What can still be refunded: amount − completed − in flight; zero unless paid, and zero once charged back. */
    public Money refundable() {
        if (status != PaymentStatus.COMPLETED || dispute.orElse(null) == DisputeStatus.LOST) {
            return Money.zero(amount.currency());
        }
        return amount.minus(refunded).minus(reserved);
    }

    /** True while a dispute is open on the payment. */
    public boolean isDisputed() {
        return dispute.orElse(null) == DisputeStatus.OPEN;
    }

    /** The customer paid (sandbox): {@code PENDING} → {@code COMPLETED}. */
    public Decision<Payment> complete(Instant now) {
        if (status != PaymentStatus.PENDING) {
            return invalidState("payment " + id + " is " + status + "; only a PENDING payment can be completed");
        }
        return Decision.accepted(with(PaymentStatus.COMPLETED, refunded, reserved, countingRefunds, dispute,
                Optional.of(now)));
    }

    /** An unpaid link is withdrawn: {@code PENDING} → {@code CANCELLED}. */
    public Decision<Payment> cancel() {
        if (status != PaymentStatus.PENDING) {
            return invalidState("payment " + id + " is " + status + "; only a PENDING payment can be cancelled");
        }
        return Decision.accepted(with(PaymentStatus.CANCELLED, refunded, reserved, countingRefunds, dispute,
                completedAt));
    }

    /**
     * Asks for a refund: the one decision, refusal or refund, never an exception. The checks run in the order of
     * the SecPaid error table so that v1 and v2 agree on which refusal a request that breaks several rules gets.
     */
    public Decision<RefundChange> requestRefund(RefundRequest request, RefundPolicy policy, Instant now) {
        return RefundRules.grantedAmount(this, request, policy).map(amount -> {
            RefundStatus first = policy.needsReview(amount) ? RefundStatus.PENDING_REVIEW : RefundStatus.INITIATED;
            Refund refund = Refund.requested(request.refundId(), this, amount, first, request.reason(),
                    request.merchantRef(), request.metadata(), now);
            Payment after = with(status, refunded, reserved.plus(amount), countingRefunds + 1, dispute, completedAt);
            return new RefundChange(after, refund);
        });
    }

    /**
     * Moves one of this payment's refunds to its next status and keeps the totals in step: a completed refund
     * adds to {@link #refunded()} (and may make the payment {@code REFUNDED}); one that ends otherwise releases
     * its amount.
     */
    public Decision<RefundChange> moveRefund(Refund refund, RefundStatus next, Optional<String> note, Instant now) {
        if (next == RefundStatus.REVERSED) {
            throw new IllegalArgumentException("a reversal needs a completed refund: use reverseRefund");
        }
        return changeRefund(refund, next, () -> refund.moveTo(next, note, now));
    }

    /** Applies what the processor said about one of this payment's refunds, like {@link #moveRefund}. */
    public Decision<RefundChange> settleRefund(Refund refund, Settlement settlement, Instant now) {
        return changeRefund(refund, settlement.target(), () -> refund.settle(settlement, now));
    }

    /**
     * A completed refund the processor later reports as returned (the customer's card was closed, say): it no
     * longer counts, so {@link #refunded()} goes down by its amount, a {@code REFUNDED} payment is
     * {@code COMPLETED} again and the amount is refundable again. Only a {@link CompletedRefund} can be reversed.
     */
    public RefundChange reverseRefund(CompletedRefund completed, Reversal reversal, Instant now) {
        Refund refund = completed.refund();
        if (!refund.paymentId().equals(id)) {
            throw new IllegalArgumentException("refund " + refund.id() + " is not of payment " + id);
        }
        Money refundedAfter = refunded.minus(refund.amount());
        PaymentStatus statusAfter = status == PaymentStatus.REFUNDED ? PaymentStatus.COMPLETED : status;
        Payment after = with(statusAfter, refundedAfter, reserved, countingRefunds - 1, dispute, completedAt);
        return new RefundChange(after, refund.reverse(reversal, now));
    }

    private Decision<RefundChange> changeRefund(Refund refund, RefundStatus next, Supplier<Refund> change) {
        if (!refund.paymentId().equals(id)) {
            throw new IllegalArgumentException("refund " + refund.id() + " is not of payment " + id);
        }
        if (!refund.status().canMoveTo(next)) {
            return invalidState("refund " + refund.id() + " is " + refund.status() + "; it cannot become " + next);
        }
        Refund moved = change.get();
        Money amount = refund.amount();
        Money reservedAfter = next.reservesAmount() ? reserved : reserved.minus(amount);
        Money refundedAfter = next == RefundStatus.COMPLETED ? refunded.plus(amount) : refunded;
        int countingAfter = next.counts() ? countingRefunds : countingRefunds - 1;
        PaymentStatus statusAfter = refundedAfter.equals(this.amount) ? PaymentStatus.REFUNDED : status;
        Payment after = with(statusAfter, refundedAfter, reservedAfter, countingAfter, dispute, completedAt);
        return Decision.accepted(new RefundChange(after, moved));
    }

    /** Opens a dispute on a paid payment; new refunds are blocked until it is closed. */
    public Decision<DisputeChange> openDispute(DisputeId disputeId, String reason, Instant now) {
        if (status != PaymentStatus.COMPLETED && status != PaymentStatus.REFUNDED) {
            return invalidState("payment " + id + " is " + status + "; only a paid payment can be disputed");
        }
        if (dispute.isPresent() && dispute.get() != DisputeStatus.WON) {
            return invalidState("payment " + id + " already has a dispute that is " + dispute.get());
        }
        Dispute opened = new Dispute(disputeId, id, businessId, DisputeStatus.OPEN, reason, now, Optional.empty());
        Payment after = with(status, refunded, reserved, countingRefunds, Optional.of(DisputeStatus.OPEN),
                completedAt);
        return Decision.accepted(new DisputeChange(after, opened));
    }

    /** Closes this payment's open dispute as {@code WON} (block lifted) or {@code LOST} (charged back for good). */
    public Decision<DisputeChange> closeDispute(Dispute open, DisputeStatus outcome, Instant now) {
        if (!open.paymentId().equals(id)) {
            throw new IllegalArgumentException("dispute " + open.id() + " is not of payment " + id);
        }
        if (outcome == DisputeStatus.OPEN) {
            throw new IllegalArgumentException("a dispute closes as WON or LOST");
        }
        if (open.status() != DisputeStatus.OPEN || !isDisputed()) {
            return invalidState("dispute " + open.id() + " is " + open.status() + "; only an OPEN one can be closed");
        }
        Payment after = with(status, refunded, reserved, countingRefunds, Optional.of(outcome), completedAt);
        return Decision.accepted(new DisputeChange(after, open.close(outcome, now)));
    }

    private Payment with(PaymentStatus newStatus, Money newRefunded, Money newReserved, int newCounting,
                         Optional<DisputeStatus> newDispute, Optional<Instant> newCompletedAt) {
        return new Payment(id, payId, businessId, amount, type, newStatus, newRefunded, newReserved, newCounting,
                newDispute, merchantRef, description, metadata, createdAt, newCompletedAt);
    }

    private static <T> Decision<T> invalidState(String message) {
        return Decision.refused(RefusalCode.INVALID_STATE, message);
    }
}
