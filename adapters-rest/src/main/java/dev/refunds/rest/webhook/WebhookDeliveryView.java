package dev.refunds.rest.webhook;

import dev.refunds.rest.schema.Formats;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.webhook.DeliveryAttempt;
import dev.refunds.application.webhook.WebhookDelivery;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A delivery and every attempt at it, oldest attempt first; {@code nextAttemptAt} only while {@code PENDING}. */
@Serdeable
record WebhookDeliveryView(@Schema(pattern = Formats.ID, example = "wd_7Q2M9XK4TB1C8VZ3") String deliveryId,
        @Schema(pattern = Formats.ID, example = "we_N90A464NZ3K75TXNV6EQ") String endpointId,
        @Schema(pattern = Formats.ID, example = "evt_5J8QW2N7D1K4R9T3M6X0B2C5") String eventId,
        @Schema(allowableValues = {"refund.created", "refund.approved",
            "refund.rejected", "refund.cancelled", "refund.processing", "payment.refunded", "payment.refund_failed",
            "payment.refund_reversed", "refund.updated"}) String eventType,
        @Schema(allowableValues = {"PENDING", "SUCCEEDED", "FAILED"}) String status,
        @Nullable @Schema(format = Formats.DATE_TIME) String nextAttemptAt,
        @Schema(format = Formats.DATE_TIME) String createdAt, List<AttemptView> attempts) {

    static WebhookDeliveryView of(WebhookDelivery delivery) {
        return new WebhookDeliveryView(delivery.deliveryId(), delivery.endpointId(), delivery.eventId(),
                delivery.eventType().wireName(), delivery.status().name(),
                delivery.nextAttemptAt().map(Object::toString).orElse(null), delivery.createdAt().toString(),
                delivery.attempts().stream().map(AttemptView::of).toList());
    }

    /** {@code statusCode} when the endpoint answered, {@code error} when it did not (or was not asked). */
    @Serdeable
    @Schema(name = "WebhookDeliveryAttempt")
    record AttemptView(@Schema(format = Formats.DATE_TIME) String at,
            @Nullable @Schema(minimum = "100", maximum = "599") Integer statusCode,
            @Schema(minimum = "0") long latencyMs, @Nullable String error) {
        static AttemptView of(DeliveryAttempt attempt) {
            return new AttemptView(attempt.at().toString(), attempt.statusCode().orElse(null), attempt.latencyMs(),
                    attempt.error().orElse(null));
        }
    }
}
