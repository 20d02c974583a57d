package dev.refunds.rest.admin;

import dev.refunds.domain.business.Business;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A business as operators list it; never its API key. */
@Serdeable
record BusinessView(String businessId, String clientId, String name, String reviewMode, String refundMode,
                    String reviewAbove, String createdAt) {
    static BusinessView of(Business business) {
        return new BusinessView(business.id().value(), business.clientId().value(), business.name(),
                business.policy().reviewMode().name(), business.policy().refundMode().name(),
                business.policy().reviewAbove().map(BigDecimal::toPlainString).orElse(null),
                business.createdAt().toString());
    }
}
