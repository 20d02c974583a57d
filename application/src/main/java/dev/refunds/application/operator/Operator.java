package dev.refunds.application.operator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A named person who works the admin API; {@code root} is the operator of {@code REFUNDS_ADMIN_TOKEN}. */
public record Operator(String operatorId, String name, OperatorRole role, Instant createdAt,
                       Optional<Instant> revokedAt) {
    public static final int NAME_LENGTH_MAX = 100;
    public static final String ROOT_ID = "root";
    public static final Operator ROOT = new Operator(ROOT_ID, ROOT_ID, OperatorRole.ADMIN, Instant.EPOCH,
            Optional.empty());

    public Operator {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (name == null || name.isBlank() || name.length() > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("an operator's name is 1-" + NAME_LENGTH_MAX + " characters");
        }
    }

    public boolean isRoot() {
        return ROOT_ID.equals(operatorId);
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    public Operator revoked(Instant at) {
        return new Operator(operatorId, name, role, createdAt, Optional.of(at));
    }
}
