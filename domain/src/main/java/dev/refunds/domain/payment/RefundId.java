package dev.refunds.domain.payment;

import java.util.Objects;

/** A refund id, {@code REF_20260517_M4N1J7QZ7D} style. */
public record RefundId(String value) {
    public RefundId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("RefundId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
