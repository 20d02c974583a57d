package dev.refunds.rest.webhook;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.WebhookEndpoint;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The new endpoint with its signing secret, which is shown only here, once. */
@Serdeable
record CreatedWebhookEndpointView(@Schema(pattern = Formats.ID, example = "we_N90A464NZ3K75TXNV6EQ") String id,
        @Schema(format = "uri", example = "https://shop.example/hooks/refunds") String url,
        @ArraySchema(schema = @Schema(allowableValues = {"refund.created", "refund.approved",
            "refund.rejected", "refund.cancelled", "refund.processing", "payment.refunded", "payment.refund_failed",
            "payment.refund_reversed", "refund.updated"})) List<String> events,
        @Schema(description = "The signing secret, shown once, here", example = "whsec_…") String secret,
        @Schema(format = Formats.DATE_TIME) String createdAt,
        @Schema(allowableValues = {"ENABLED", "DISABLED"}) String status) {
    static final String SECRET_REDACTED = "(shown once, when the endpoint was created)";

    static CreatedWebhookEndpointView of(WebhookEndpoint endpoint) {
        return new CreatedWebhookEndpointView(endpoint.id(), endpoint.url(),
                endpoint.events().stream().map(RefundEventType::wireName).toList(), endpoint.secret(),
                endpoint.createdAt().toString(), endpoint.status().name());
    }

    CreatedWebhookEndpointView redacted() {
        return new CreatedWebhookEndpointView(id, url, events, SECRET_REDACTED, createdAt, status);
    }
}
