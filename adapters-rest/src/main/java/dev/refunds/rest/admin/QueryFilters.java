package dev.refunds.rest.admin;

import dev.refunds.application.InvalidInputException;
import dev.refunds.rest.PathIds;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Filters from the query string; a malformed one is a 400 that names it. */
final class QueryFilters {
    /** Merchant references are free text up to this length (as on payments). */
    static final int TEXT_LENGTH_MAX = 100;

    private QueryFilters() {
    }

    static Optional<String> id(Optional<String> value, String field) {
        return value.map(text -> {
            if (!PathIds.wellFormed(text)) {
                throw new InvalidInputException(field, field + " must be an id (letters, digits and _)");
            }
            return text;
        });
    }

    static Optional<String> text(Optional<String> value, String field) {
        return value.map(text -> {
            if (text.isEmpty() || text.length() > TEXT_LENGTH_MAX) {
                throw new InvalidInputException(field, field + " must be 1-" + TEXT_LENGTH_MAX + " characters");
            }
            return text;
        });
    }

    static Optional<Instant> instant(Optional<String> value, String field) {
        return value.map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, field + " must be an ISO-8601 instant such as"
                        + " 2026-05-17T00:00:00Z");
            }
        });
    }
}
