package dev.refunds.rest.report;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.report.ReportWindow;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.rest.PathIds;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The query of a report: {@code from} and {@code to} (ISO-8601 instants, both required), an optional business. */
final class ReportQuery {
    /** Times are stored as epoch milliseconds: far-off instants ({@code +1000000000-01-01T00:00:00Z}) do not fit. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private ReportQuery() {
    }

    static ReportWindow window(Optional<String> from, Optional<String> to) {
        return new ReportWindow(instant(from, "from"), instant(to, "to"));
    }

    /** A business id that is not even an id's shape names no business: the same 400 as an unknown one. */
    static Optional<BusinessId> business(Optional<String> businessId) {
        return businessId.map(id -> {
            if (!PathIds.wellFormed(id)) {
                throw new InvalidInputException("businessId", "No business " + id);
            }
            return new BusinessId(id);
        });
    }

    private static Instant instant(Optional<String> text, String field) {
        if (text.isEmpty() || text.get().isBlank()) {
            throw new InvalidInputException(field, field + " is required (an ISO-8601 instant)");
        }
        Instant instant;
        try {
            instant = Instant.parse(text.get());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an ISO-8601 instant such as 2026-05-17T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(field, field + " must be between years 1970 and 9999");
        }
        return instant;
    }
}
