package dev.refunds.rest.reconciliation;

import dev.refunds.rest.JsonBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {note}}: what the operator found and did about a discrepancy, 1-500 characters. */
@Serdeable
record NoteBody(@Nullable String note) {
    static NoteBody from(JsonBody json) {
        return new NoteBody(json.string("note"));
    }
}
