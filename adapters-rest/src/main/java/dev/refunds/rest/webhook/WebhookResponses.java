package dev.refunds.rest.webhook;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The success envelopes of the webhook API, one per shape of {@code data} (the OpenAPI document's schemas). */
final class WebhookResponses {
    private WebhookResponses() {
    }

    @Schema(name = "CreatedWebhookEndpointResponse")
    record CreatedEndpointResponse(@Schema(allowableValues = Formats.SUCCESS) String status,
                                   CreatedWebhookEndpointView data) {
    }

    @Schema(name = "WebhookEndpointResponse")
    record EndpointResponse(@Schema(allowableValues = Formats.SUCCESS) String status, WebhookEndpointView data) {
    }

    @Schema(name = "WebhookEndpointList", description = "Every endpoint of the business (hasMore is false)")
    record EndpointList(List<WebhookEndpointView> items, boolean hasMore) {
    }

    @Schema(name = "WebhookEndpointListResponse")
    record EndpointListResponse(@Schema(allowableValues = Formats.SUCCESS) String status, EndpointList data) {
    }

    @Schema(name = "DeletedWebhookEndpointResponse")
    record DeletedResponse(@Schema(allowableValues = Formats.SUCCESS) String status,
                           DeletedWebhookEndpointView data) {
    }

    @Schema(name = "RotatedSecretResponse")
    record RotatedSecretResponse(@Schema(allowableValues = Formats.SUCCESS) String status, RotatedSecretView data) {
    }

    @Schema(name = "RecoveredResponse")
    record RecoveredResponse(@Schema(allowableValues = Formats.SUCCESS) String status, RecoveredView data) {
    }

    @Schema(name = "WebhookDeliveryResponse")
    record DeliveryResponse(@Schema(allowableValues = Formats.SUCCESS) String status, WebhookDeliveryView data) {
    }

    @Schema(name = "WebhookDeliveryPage", description = "One cursor page of deliveries, newest first")
    record DeliveryPage(List<WebhookDeliveryView> items, boolean hasMore) {
    }

    @Schema(name = "WebhookDeliveryPageResponse")
    record DeliveryPageResponse(@Schema(allowableValues = Formats.SUCCESS) String status, DeliveryPage data) {
    }
}
