package dev.refunds.application.webhook;

import dev.refunds.domain.business.BusinessId;

import java.util.Objects;

public record DeleteWebhookEndpointCommand(BusinessId businessId, String endpointId) {
    public DeleteWebhookEndpointCommand {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(endpointId, "endpointId");
    }
}
