package dev.refunds.rest.v1;

import dev.refunds.application.InvalidInputException;
import dev.refunds.rest.JsonBody;
import io.micronaut.serde.annotation.Serdeable;

import java.util.SortedMap;

/** {@code {metadata}}: the only thing a refund update may change; a key set to {@code ""} is removed. */
@Serdeable
record UpdateRefundBody(SortedMap<String, String> metadata) {

    static UpdateRefundBody from(JsonBody json) {
        SortedMap<String, String> metadata = json.stringMap("metadata");
        if (metadata == null) {
            throw new InvalidInputException("metadata", "metadata is required: a JSON object of strings");
        }
        return new UpdateRefundBody(metadata);
    }
}
