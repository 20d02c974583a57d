package dev.refunds.application.operator;

import java.util.Optional;

/** What revoking an operator came to; only {@code REVOKED} changed anything. */
public record Revocation(Outcome outcome, Optional<Operator> operator) {
    public enum Outcome { REVOKED, NOT_FOUND, ALREADY_REVOKED, ROOT }

    static Revocation of(Outcome outcome) {
        return new Revocation(outcome, Optional.empty());
    }
}
