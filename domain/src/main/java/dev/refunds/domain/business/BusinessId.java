package dev.refunds.domain.business;

import java.util.Objects;

/** A merchant's id, {@code HB_71c4a09e3f52} style; every payment and refund belongs to exactly one. */
public record BusinessId(String value) {
    public BusinessId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("business id is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
