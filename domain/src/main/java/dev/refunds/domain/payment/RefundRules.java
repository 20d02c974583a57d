package dev.refunds.domain.payment;

import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.money.Money;

import java.util.Optional;

/**
 * The rules a refund request must pass, in the order of the SecPaid error table: cancelled, invoice, already
 * requested, dispute, then what makes the amount invalid (not an amount in the payment's currency, nothing
 * refundable on an unpaid or refunded payment, or too much). Each is a refusal; none throws.
 */
final class RefundRules {

    private RefundRules() {
    }

    /** The amount to refund, or the first rule the request breaks. */
    static Decision<Money> grantedAmount(Payment payment, RefundRequest request, RefundPolicy policy) {
        Optional<Refusal> blocker = blocker(payment, policy);
        if (blocker.isPresent()) {
            return Decision.refused(blocker.get());   // before the amount is read: the SecPaid order
        }
        Money refundable = payment.refundable();
        Decision<Money> asked = request.amount().map(amount -> amount.in(refundable.currency()))
                .orElseGet(() -> Decision.accepted(refundable));
        return asked.fold(amount -> checked(amount, refundable, request.fullRefundOnly()), Decision::refused);
    }

    /** Every rule but the amount's, in order. */
    private static Optional<Refusal> blocker(Payment payment, RefundPolicy policy) {
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
        Optional<DisputeStatus> blocking = payment.dispute().filter(DisputeStatus::blocksRefunds);
        if (blocking.isPresent()) {
            return blocking.get() == DisputeStatus.OPEN
                    ? refusal(RefusalCode.REFUND_BLOCKED_BY_DISPUTE, "Payment " + payment.id()
                            + " has an open dispute; refunds are blocked until it is closed")
                    : refusal(RefusalCode.PAYMENT_CHARGED_BACK, "Payment " + payment.id()
                            + " was charged back after a lost dispute; it cannot be refunded");
        }
        if (payment.status() != PaymentStatus.COMPLETED) {
            return refusal(RefusalCode.PAYMENT_NOT_REFUNDABLE,
                    "Payment " + payment.id() + " is " + payment.status() + "; only a COMPLETED payment can be refunded");
        }
        return Optional.empty();
    }

    private static Decision<Money> checked(Money amount, Money refundable, boolean fullRefundOnly) {
        if (fullRefundOnly && !amount.equals(refundable)) {
            return Decision.refused(Refusal.onField(RefusalCode.AMOUNT_NOT_FULL_REFUND,
                    "A full refund must be for the whole refundable amount, " + refundable.toPlainString(), "amount"));
        }
        if (amount.isZero() || amount.isGreaterThan(refundable)) {
            return Decision.refused(Refusal.onField(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE,
                    "Amount " + amount.toPlainString() + " exceeds the refundable amount "
                            + refundable.toPlainString(), "amount"));
        }
        return Decision.accepted(amount);
    }

    private static Optional<Refusal> refusal(RefusalCode code, String message) {
        return Optional.of(Refusal.of(code, message));
    }
}
