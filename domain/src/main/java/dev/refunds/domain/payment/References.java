package dev.refunds.domain.payment;

import java.util.Objects;

/** The bounds of what a processor hands back: references and failure reasons. */
final class References {
    static final int REFERENCE_LENGTH_MAX = 64;
    static final int REASON_LENGTH_MAX = 500;

    private References() {
    }

    static void check(String reference, String name) {
        Objects.requireNonNull(reference, name);
        if (reference.isBlank() || reference.length() > REFERENCE_LENGTH_MAX) {
            throw new IllegalArgumentException(name + " must be 1-" + REFERENCE_LENGTH_MAX + " characters");
        }
    }

    static void checkReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("a failure reason must be 1-" + REASON_LENGTH_MAX + " characters");
        }
    }
}
