package dev.refunds.rest.webhook;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.WebhookEndpoint;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An endpoint as its business sees it, without its secret. */
@Serdeable
record WebhookEndpointView(String id, String url, List<String> events, String createdAt, String status) {
    static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(endpoint.id(), endpoint.url(),
                endpoint.events().stream().map(RefundEventType::wireName).toList(), endpoint.createdAt().toString(),
                endpoint.status().name());
    }
}
