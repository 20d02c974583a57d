package dev.refunds.domain.payment;

import java.util.Objects;

/** A payment id, {@code PAY_20260517_K8X3M2QZ7D} style. */
public record PaymentId(String value) {
    public PaymentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("PaymentId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
