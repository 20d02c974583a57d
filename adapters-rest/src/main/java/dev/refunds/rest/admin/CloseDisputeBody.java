package dev.refunds.rest.admin;

import dev.refunds.rest.JsonBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {outcome: "WON" | "LOST"}}. */
@Serdeable
record CloseDisputeBody(@Nullable String outcome) {
    static CloseDisputeBody from(JsonBody json) {
        return new CloseDisputeBody(json.string("outcome"));
    }

    enum Outcome { WON, LOST }
}
