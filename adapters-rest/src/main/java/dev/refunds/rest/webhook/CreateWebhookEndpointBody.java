package dev.refunds.rest.webhook;

import dev.refunds.application.InvalidInputException;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.CreateWebhookEndpointCommand;
import dev.refunds.application.webhook.WebhookEndpoint;
import dev.refunds.application.webhook.WebhookEventTypes;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.rest.Fields;
import dev.refunds.rest.JsonBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code POST /api/v1/webhook-endpoints}: {@code {url, events?}}; no events means every event type. */
@Serdeable
record CreateWebhookEndpointBody(@Nullable String url, @Nullable List<String> events) {
    private static final int EVENTS_MAX = 50;

    /** Each field with its JSON type: {@code url} a string, {@code events} an array of strings. */
    static CreateWebhookEndpointBody from(@Nullable JsonNode json) {
        String url = JsonBody.of(json).string("url");
        JsonNode events = json.get("events");
        if (events == null || events.isNull()) {
            return new CreateWebhookEndpointBody(url, null);
        }
        if (!events.isArray() || events.size() > EVENTS_MAX) {
            throw new InvalidInputException("events", "events must be a JSON array of up to " + EVENTS_MAX
                    + " event type names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : events.values()) {
            if (!item.isString()) {
                throw new InvalidInputException("events", "events must be a JSON array of event type names");
            }
            names.add(item.getStringValue());
        }
        return new CreateWebhookEndpointBody(url, names);
    }

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
