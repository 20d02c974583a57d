package dev.refunds.persistence;

import dev.refunds.application.webhook.DeliveryAttempt;
import dev.refunds.application.webhook.DeliveryStatus;
import dev.refunds.application.webhook.WebhookDelivery;
import dev.refunds.application.webhook.WebhookEventTypes;
import dev.refunds.domain.business.BusinessId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.List;
import java.util.Optional;

/** A row of {@code webhook_deliveries}; the lease columns are the worker's and never leave this package. */
@MappedEntity(value = "webhook_deliveries", escape = false)
record WebhookDeliveryRow(@Id String deliveryId, String endpointId, String businessId, String eventId,
                          String eventType, String status, int attemptsLeft, @Nullable Long nextAttemptAtMs,
                          @Nullable String leaseToken, @Nullable Long leaseUntilMs, long createdAtMs) {

    WebhookDelivery toDomain(List<DeliveryAttempt> attempts) {
        DeliveryStatus parsed = DeliveryStatus.valueOf(status);
        return new WebhookDelivery(deliveryId, endpointId, new BusinessId(businessId), eventId,
                WebhookEventTypes.byWireName(eventType).orElseThrow(() -> new IllegalStateException(
                        "delivery " + deliveryId + " has an unknown event type " + eventType)),
                parsed, attemptsLeft, parsed == DeliveryStatus.PENDING ? Times.optionalInstant(nextAttemptAtMs)
                : Optional.empty(), attempts, Times.instant(createdAtMs));
    }
}
