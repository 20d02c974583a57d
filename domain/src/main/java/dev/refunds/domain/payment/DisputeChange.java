package dev.refunds.domain.payment;

import java.util.Objects;

/** A dispute opened or closed, with its payment as it is afterwards. */
public record DisputeChange(Payment payment, Dispute dispute) {
    public DisputeChange {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(dispute, "dispute");
        if (!dispute.paymentId().equals(payment.id())) {
            throw new IllegalArgumentException("dispute " + dispute.id() + " is not of payment " + payment.id());
        }
    }
}
