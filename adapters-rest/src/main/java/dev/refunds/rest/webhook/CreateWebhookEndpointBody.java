package dev.refunds.rest.webhook;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.CreateWebhookEndpointCommand;
import dev.refunds.application.webhook.WebhookEndpoint;
import dev.refunds.application.webhook.WebhookEventTypes;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.rest.Fields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code POST /api/v1/webhook-endpoints}: {@code {url, events?}}; no events means every event type. */
@Serdeable
record CreateWebhookEndpointBody(@Nullable String url, @Nullable List<String> events) {
    private static final int EVENTS_MAX = 50;

    CreateWebhookEndpointCommand toCommand(BusinessId businessId) {
        String checkedUrl = Fields.required(url, "url", WebhookEndpoint.URL_LENGTH_MAX).strip();
        return new CreateWebhookEndpointCommand(businessId, checkedUrl, Optional.ofNullable(events)
                .map(CreateWebhookEndpointBody::eventTypes));
    }

    private static Set<RefundEventType> eventTypes(List<String> names) {
        if (names.isEmpty() || names.size() > EVENTS_MAX) {
            throw new InvalidInputException("events", "events must name 1-" + EVENTS_MAX + " event types, or be "
                    + "left out for all of them");
        }
        Set<RefundEventType> types = EnumSet.noneOf(RefundEventType.class);
        for (String name : names) {
            types.add(WebhookEventTypes.byWireName(name).orElseThrow(() -> new InvalidInputException("events",
                    "unknown event type " + quoted(name) + "; events are " + WebhookEventTypes.wireNames())));
        }
        return types;
    }

    private static String quoted(String name) {
        if (name == null) {
            return "null";
        }
        return "'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'";
    }
}
