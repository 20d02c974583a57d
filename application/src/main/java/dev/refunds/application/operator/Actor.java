package dev.refunds.application.operator;

import java.util.Objects;

/** Who performs an admin write, and the request it came in, as the audit trail records them. */
public record Actor(Operator operator, String requestId) {
    public Actor {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(requestId, "requestId");
    }
}
