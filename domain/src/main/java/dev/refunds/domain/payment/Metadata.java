package dev.refunds.domain.payment;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A merchant's own key-value pairs on a payment or a refund (Stripe's limits): at most 50 keys, keys 1-40
 * characters, values 1-500 characters (an empty value means "remove the key" in an update, so it is never stored).
 */
public record Metadata(Map<String, String> entries) {
    public static final int KEYS_MAX = 50;
    public static final int KEY_LENGTH_MAX = 40;
    public static final int VALUE_LENGTH_MAX = 500;
    public static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        Objects.requireNonNull(entries, "entries");
        problemWith(entries, false).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /**
     * What is wrong with these pairs as metadata ({@code asUpdate}: empty values allowed, they remove keys), in
     * words a client can read; empty when nothing is.
     */
    public static Optional<String> problemWith(Map<String, String> pairs, boolean asUpdate) {
        if (pairs.size() > KEYS_MAX) {
            return Optional.of("metadata has " + pairs.size() + " keys; at most " + KEYS_MAX + " are allowed");
        }
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            String key = pair.getKey();
            if (key == null || key.isEmpty() || key.length() > KEY_LENGTH_MAX) {
                return Optional.of("metadata keys must be 1-" + KEY_LENGTH_MAX + " characters");
            }
            String value = pair.getValue();
            if (value == null || value.length() > VALUE_LENGTH_MAX || (!asUpdate && value.isEmpty())) {
                return Optional.of("metadata value of '" + key + "' must be a string of at most "
                        + VALUE_LENGTH_MAX + " characters");
            }
        }
        return Optional.empty();
    }

    /** These pairs set over the current ones; a key set to {@code ""} is removed. Throws past the limits. */
    public Metadata updatedWith(Map<String, String> updates) {
        Map<String, String> merged = new TreeMap<>(entries);
        updates.forEach((key, value) -> {
            if (value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new Metadata(merged);
    }
}
