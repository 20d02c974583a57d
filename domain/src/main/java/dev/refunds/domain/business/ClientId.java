package dev.refunds.domain.business;

import java.util.Objects;

/** The account a business belongs to, {@code HM_4f8c2b1a9d03} style. */
public record ClientId(String value) {
    public ClientId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("client id is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
