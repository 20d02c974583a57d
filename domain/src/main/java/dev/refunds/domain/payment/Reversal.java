package dev.refunds.domain.payment;

import java.util.Objects;

/** Why the processor reversed a completed refund: a code to branch on and the sentence it gave. */
public record Reversal(FailureCode code, String reason) {
    public Reversal {
        Objects.requireNonNull(code, "code");
        References.checkReason(reason);
    }
}
