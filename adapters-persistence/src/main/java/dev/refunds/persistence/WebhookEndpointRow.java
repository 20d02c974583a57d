package dev.refunds.persistence;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.webhook.EndpointStatus;
import dev.refunds.application.webhook.WebhookEndpoint;
import dev.refunds.application.webhook.WebhookEventTypes;
import dev.refunds.domain.business.BusinessId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A row of {@code webhook_endpoints}; event types are stored as their wire names, comma separated. */
@MappedEntity(value = "webhook_endpoints", escape = false)
record WebhookEndpointRow(@Id String endpointId, String businessId, String url, String eventTypes,
                          String signingSecret, long createdAtMs, @Nullable Long deletedAtMs, String status,
                          @Nullable String previousSecret, @Nullable Long previousSecretUntilMs,
                          @Nullable Long failingSinceMs) {

    static String eventTypesOf(Set<RefundEventType> events) {
        return events.stream().map(RefundEventType::wireName).collect(Collectors.joining(","));
    }

    WebhookEndpoint toDomain() {
        Set<RefundEventType> events = EnumSet.noneOf(RefundEventType.class);
        Arrays.stream(eventTypes.split(",")).map(WebhookEventTypes::byWireName)
                .forEach(type -> type.ifPresent(events::add));   // a type a later version dropped is ignored
        Optional<WebhookEndpoint.RetiringSecret> retiring = previousSecret == null || previousSecretUntilMs == null
                ? Optional.empty()
                : Optional.of(new WebhookEndpoint.RetiringSecret(previousSecret, Times.instant(previousSecretUntilMs)));
        return new WebhookEndpoint(endpointId, new BusinessId(businessId), url, events, signingSecret,
                Times.instant(createdAtMs), EndpointStatus.valueOf(status), retiring);
    }
}
