package dev.refunds.application.webhook;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.BusinessId;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A new endpoint: its URL and the event types it wants (empty: all of them). */
public record CreateWebhookEndpointCommand(BusinessId businessId, String url, Optional<Set<RefundEventType>> events) {
    public CreateWebhookEndpointCommand {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(events, "events");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is required");
        }
        if (url.length() > WebhookEndpoint.URL_LENGTH_MAX) {
            throw new IllegalArgumentException("url too long");
        }
        if (events.isPresent() && events.get().isEmpty()) {
            throw new IllegalArgumentException("an endpoint subscribes to at least one event type");
        }
        events = events.map(Set::copyOf);
    }
}
