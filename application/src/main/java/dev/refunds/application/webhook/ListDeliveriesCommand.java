package dev.refunds.application.webhook;

import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;

import java.util.Objects;

/** A page of one endpoint's deliveries, newest first. */
public record ListDeliveriesCommand(BusinessId businessId, String endpointId, PageRequest page) {
    public ListDeliveriesCommand {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(page, "page");
    }
}
