package dev.refunds.rest;

import dev.refunds.application.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** ISO-8601 instants in query parameters ({@code 2026-05-17T10:00:00Z}, or with an offset); anything else is a 400. */
public final class QueryInstants {
    private static final int LENGTH_MAX = 64;

    private QueryInstants() {
    }

    public static Optional<Instant> optional(Optional<String> text, String field) {
        return text.map(value -> parse(value, field));
    }

    private static Instant parse(String value, String field) {
        if (value.length() <= LENGTH_MAX) {
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value, Instant::from);
            } catch (DateTimeParseException e) {
                // refused below, with a message that does not echo the parser's
            }
        }
        throw new InvalidInputException(field, field + " must be an ISO-8601 instant such as 2026-05-17T10:00:00Z");
    }
}
