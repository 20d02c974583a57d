package dev.refunds.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A {@code Retry-After} header (RFC 9110): delay-seconds or an HTTP date. Only a {@code 429} or {@code 503}
 * answer's is read; anything unreadable is no header at all.
 */
final class RetryAfter {
    private static final long SECONDS_MAX = 10L * 365 * 24 * 3600;

    private RetryAfter() {
    }

    static Optional<Duration> of(int statusCode, Optional<String> header, Clock clock) {
        if ((statusCode != 429 && statusCode != 503) || header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.matches("[0-9]{1,12}")) {
            return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(value), SECONDS_MAX)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
