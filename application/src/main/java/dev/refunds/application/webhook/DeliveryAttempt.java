package dev.refunds.application.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One attempt: the status when the endpoint answered, else a short error. */
public record DeliveryAttempt(Instant at, Optional<Integer> statusCode, long latencyMs, Optional<String> error) {
    public static final int ERROR_LENGTH_MAX = 200;

    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(error, "error");
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency is never negative");
        }
        error = error.map(DeliveryAttempt::shortened);
    }

    /** One line, bounded: what a client may read, never a stack trace. */
    private static String shortened(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= ERROR_LENGTH_MAX ? line : line.substring(0, ERROR_LENGTH_MAX);
    }
}
