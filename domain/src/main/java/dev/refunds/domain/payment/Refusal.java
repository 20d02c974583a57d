package dev.refunds.domain.payment;

import java.util.Objects;
import java.util.Optional;

/** A business refusal: its code, a sentence a client can read, and the request field at fault if one is. */
public record Refusal(RefusalCode code, String message, Optional<String> field) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
    }

    public static Refusal of(RefusalCode code, String message) {
        return new Refusal(code, message, Optional.empty());
    }

    public static Refusal onField(RefusalCode code, String message, String field) {
        return new Refusal(code, message, Optional.of(field));
    }
}
