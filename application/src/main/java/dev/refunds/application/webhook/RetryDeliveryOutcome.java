package dev.refunds.application.webhook;

/** A manual retry: queued, or refused. */
public sealed interface RetryDeliveryOutcome {
    /** The delivery is {@code PENDING} again, its one extra attempt due now. */
    record Retried(WebhookDelivery delivery) implements RetryDeliveryOutcome {
    }

    /** No such delivery for this business, or its endpoint was deleted. */
    record NotFound() implements RetryDeliveryOutcome {
    }

    /** Only a {@code FAILED} delivery is retried by hand. */
    record NotFailed(DeliveryStatus status) implements RetryDeliveryOutcome {
    }
}
