package dev.refunds.application.shared;

import java.util.Objects;
import java.util.Optional;

/** A page of a list: at most {@code limit} items after the item whose id is {@code startingAfter}. */
public record PageRequest(int limit, Optional<String> startingAfter) {
    public static final int LIMIT_DEFAULT = 20;
    public static final int LIMIT_MAX = 100;

    public PageRequest {
        Objects.requireNonNull(startingAfter, "startingAfter");
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1-" + LIMIT_MAX);
        }
    }
}
