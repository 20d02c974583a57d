package dev.refunds.persistence;

import java.time.Instant;
import java.util.Optional;

/** Times are stored as epoch milliseconds: exact, and the same on every database and time zone. */
public final class Times {
    private Times() {
    }

    public static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    public static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    public static Optional<Instant> optionalInstant(Long millis) {
        return Optional.ofNullable(millis).map(Instant::ofEpochMilli);
    }
}
