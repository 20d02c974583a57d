package dev.refunds.domain.business;

import java.time.Instant;
import java.util.Objects;

/** A merchant of a client account, with the policy its refunds follow. */
public record Business(BusinessId id, ClientId clientId, String name, RefundPolicy policy, Instant createdAt) {

    public static final int NAME_LENGTH_MAX = 200;

    public Business {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isBlank() || name.length() > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("name must be 1-" + NAME_LENGTH_MAX + " characters");
        }
    }
}
