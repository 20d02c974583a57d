package dev.refunds.application.report;

import dev.refunds.application.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The half-open window {@code [from, to)} of creation times a report covers; at most 366 days long. */
public record ReportWindow(Instant from, Instant to) {
    public static final Duration LENGTH_MAX = Duration.ofDays(366);

    public ReportWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "from must not be after to");
        }
        if (Duration.between(from, to).compareTo(LENGTH_MAX) > 0) {
            throw new InvalidInputException("to", "a report window is at most 366 days long");
        }
    }
}
