package dev.refunds.rest.webhook;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"id": …, "deleted": true}}: the answer to a DELETE. */
@Serdeable
record DeletedWebhookEndpointView(@Schema(pattern = Formats.ID, example = "we_N90A464NZ3K75TXNV6EQ") String id,
        @Schema(description = "Always true") boolean deleted) {
}
