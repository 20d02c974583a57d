package dev.refunds.rest.webhook;

import dev.refunds.application.webhook.DeliveryAttempt;
import dev.refunds.application.webhook.WebhookDelivery;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A delivery and every attempt at it, oldest attempt first; {@code nextAttemptAt} only while {@code PENDING}. */
@Serdeable
record WebhookDeliveryView(String deliveryId, String endpointId, String eventId, String eventType, String status,
                           String nextAttemptAt, String createdAt, List<AttemptView> attempts) {

    static WebhookDeliveryView of(WebhookDelivery delivery) {
        return new WebhookDeliveryView(delivery.deliveryId(), delivery.endpointId(), delivery.eventId(),
                delivery.eventType().wireName(), delivery.status().name(),
                delivery.nextAttemptAt().map(Object::toString).orElse(null), delivery.createdAt().toString(),
                delivery.attempts().stream().map(AttemptView::of).toList());
    }

    /** {@code statusCode} when the endpoint answered, {@code error} when it did not (or was not asked). */
    @Serdeable
    record AttemptView(String at, Integer statusCode, long latencyMs, String error) {
        static AttemptView of(DeliveryAttempt attempt) {
            return new AttemptView(attempt.at().toString(), attempt.statusCode().orElse(null), attempt.latencyMs(),
                    attempt.error().orElse(null));
        }
    }
}
