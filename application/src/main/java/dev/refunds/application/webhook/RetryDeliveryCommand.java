package dev.refunds.application.webhook;

import dev.refunds.domain.business.BusinessId;

import java.util.Objects;

/** Send a {@code FAILED} delivery once more. */
public record RetryDeliveryCommand(BusinessId businessId, String deliveryId) {
    public RetryDeliveryCommand {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(deliveryId, "deliveryId");
    }
}
