package dev.refunds.rest.webhook;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.WebhookEndpoint;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An endpoint as its business sees it, without its secret. */
@Serdeable
record WebhookEndpointView(@Schema(pattern = Formats.ID, example = "we_N90A464NZ3K75TXNV6EQ") String id,
        @Schema(format = "uri", example = "https://shop.example/hooks/refunds") String url,
        @ArraySchema(schema = @Schema(allowableValues = {"refund.created", "refund.approved",
            "refund.rejected", "refund.cancelled", "refund.processing", "payment.refunded", "payment.refund_failed",
            "payment.refund_reversed", "refund.updated"})) List<String> events,
        @Schema(format = Formats.DATE_TIME) String createdAt,
        @Schema(allowableValues = {"ENABLED", "DISABLED"}) String status) {
    static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(endpoint.id(), endpoint.url(),
                endpoint.events().stream().map(RefundEventType::wireName).toList(), endpoint.createdAt().toString(),
                endpoint.status().name());
    }
}
