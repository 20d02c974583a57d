package dev.refunds.rest.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {outcome: "WON" | "LOST"}}. */
@Serdeable
record CloseDisputeBody(@Nullable String outcome) {
    enum Outcome { WON, LOST }
}
