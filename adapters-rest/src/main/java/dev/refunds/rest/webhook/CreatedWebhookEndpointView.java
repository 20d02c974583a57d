package dev.refunds.rest.webhook;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.WebhookEndpoint;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The new endpoint with its signing secret, which is shown only here, once. */
@Serdeable
record CreatedWebhookEndpointView(String id, String url, List<String> events, String secret, String createdAt,
                                  String status) {
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
