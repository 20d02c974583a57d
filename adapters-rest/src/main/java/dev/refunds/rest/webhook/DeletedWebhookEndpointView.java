package dev.refunds.rest.webhook;

import io.micronaut.serde.annotation.Serdeable;

/** {@code {"id": …, "deleted": true}}: the answer to a DELETE. */
@Serdeable
record DeletedWebhookEndpointView(String id, boolean deleted) {
}
