package dev.refunds.domain.payment;

import java.util.Objects;

/** A dispute id, {@code DSP_20260517_A1B2C3D4E5} style. */
public record DisputeId(String value) {
    public DisputeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("DisputeId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
