package dev.refunds.domain.payment;

import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.money.Money;

import java.util.Optional;

/**
 * The rules a refund request must pass, in the order of the SecPaid error table: cancelled, invoice, already
 * requested, dispute, then what makes the amount invalid (nothing refundable on an unpaid or refunded payment,
 * or too much).
 */
final class RefundRules {

    private RefundRules() {
    }

    static Optional<Refusal> refusalFor(Payment payment, RefundRequest request, RefundPolicy policy) {
        Optional<Refusal> blocker = blocker(payment, policy);
        return blocker.isPresent() ? blocker : amountRefusal(payment, request);
    }

    /** Every rule but the amount's, in order. */
    static Optional<Refusal> blocker(Payment payment, RefundPolicy policy) {
        if (payment.status() == PaymentStatus.CANCELLED) {
            return refusal(RefusalCode.PAYMENT_CANCELLED,
                    "Payment " + payment.id() + " was cancelled before it was paid; there is nothing to refund");
        }
        if (payment.type() == PaymentType.INVOICE) {
            return refusal(RefusalCode.INVOICE_NOT_REFUNDABLE, "Invoice payments cannot be refunded");
        }
        if (!policy.allowsAnotherRefund(payment.countingRefunds())) {
            return refusal(RefusalCode.REFUND_ALREADY_REQUESTED,
                    "A refund was already requested for payment " + payment.id()
                            + "; this business allows one refund per payment");
        }
        Optional<DisputeStatus> dispute = payment.dispute();
        if (dispute.isPresent() && dispute.get() == DisputeStatus.OPEN) {
            return refusal(RefusalCode.REFUND_BLOCKED_BY_DISPUTE,
                    "Payment " + payment.id() + " has an open dispute; refunds are blocked until it is closed");
        }
        if (dispute.isPresent() && dispute.get() == DisputeStatus.LOST) {
            return refusal(RefusalCode.PAYMENT_CHARGED_BACK,
                    "Payment " + payment.id() + " was charged back after a lost dispute; it cannot be refunded");
        }
        if (payment.status() != PaymentStatus.COMPLETED) {
            return refusal(RefusalCode.PAYMENT_NOT_REFUNDABLE,
                    "Payment " + payment.id() + " is " + payment.status() + "; only a COMPLETED payment can be refunded");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> amountRefusal(Payment payment, RefundRequest request) {
        Money refundable = payment.refundable();
        Money amount = request.amount().orElse(refundable);
        if (!amount.currency().equals(payment.amount().currency())) {
            throw new IllegalArgumentException("a refund is in its payment's currency");
        }
        if (request.fullRefundOnly() && !amount.equals(refundable)) {
            return Optional.of(Refusal.onField(RefusalCode.AMOUNT_NOT_FULL_REFUND,
                    "A full refund must be for the whole refundable amount, " + refundable.toPlainString(), "amount"));
        }
        if (amount.isZero() || amount.isGreaterThan(refundable)) {
            return Optional.of(Refusal.onField(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE,
                    "Amount " + amount.toPlainString() + " exceeds the refundable amount "
                            + refundable.toPlainString(), "amount"));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refusal(RefusalCode code, String message) {
        return Optional.of(Refusal.of(code, message));
    }
}
