package dev.refunds.domain.payment;

import java.util.Objects;

/** A refund created or moved, with its payment as it is afterwards; both are saved together. */
public record RefundChange(Payment payment, Refund refund) {
    public RefundChange {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(refund, "refund");
        if (!refund.paymentId().equals(payment.id())) {
            throw new IllegalArgumentException("refund " + refund.id() + " is not of payment " + payment.id());
        }
    }
}
