package dev.refunds.application.webhook;

import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one endpoint. {@code attemptsLeft} counts the automatic attempts still allowed; the
 * event id is the {@code webhook-id} of every attempt.
 */
public record WebhookDelivery(String deliveryId, String endpointId, BusinessId businessId, String eventId,
                              RefundEventType eventType, DeliveryStatus status, int attemptsLeft,
                              Optional<Instant> nextAttemptAt, List<DeliveryAttempt> attempts, Instant createdAt) {

    public WebhookDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        attempts = List.copyOf(attempts);
        if (attemptsLeft < 0) {
            throw new IllegalArgumentException("attemptsLeft is never negative");
        }
        if ((status == DeliveryStatus.PENDING) != nextAttemptAt.isPresent()) {
            throw new IllegalArgumentException("exactly the PENDING deliveries have a next attempt");
        }
    }

    /** A new delivery, due now, with the whole schedule ahead of it. */
    public static WebhookDelivery pending(String deliveryId, WebhookEndpoint endpoint, String eventId,
                                          RefundEventType type, int attemptsMax, Instant now) {
        return new WebhookDelivery(deliveryId, endpoint.id(), endpoint.businessId(), eventId, type,
                DeliveryStatus.PENDING, attemptsMax, Optional.of(now), List.of(), now);
    }
}
