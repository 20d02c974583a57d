package dev.refunds.persistence;

import dev.refunds.application.webhook.DeliveryAttempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Optional;

/** A row of {@code webhook_delivery_attempts}. */
@MappedEntity(value = "webhook_delivery_attempts", escape = false)
record WebhookAttemptRow(@Id long seq, String deliveryId, long attemptedAtMs, @Nullable Integer statusCode,
                         long latencyMs, @Nullable String errorText) {

    DeliveryAttempt toDomain() {
        return new DeliveryAttempt(Times.instant(attemptedAtMs), Optional.ofNullable(statusCode), latencyMs,
                Optional.ofNullable(errorText));
    }
}
