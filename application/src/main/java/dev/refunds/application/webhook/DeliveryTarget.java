package dev.refunds.application.webhook;

import java.util.Objects;

/**
 * A live endpoint as an attempt reads it, and whether it was failing then: a success to an endpoint that was not
 * failing has no health to write.
 */
public record DeliveryTarget(WebhookEndpoint endpoint, boolean failing) {
    public DeliveryTarget {
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
