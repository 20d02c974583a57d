package dev.refunds.rest.admin;

import dev.refunds.application.business.CreatedBusiness;
import dev.refunds.domain.business.Business;
import io.micronaut.serde.annotation.Serdeable;

/** The new business's credentials; {@code apiKey} is shown only here, once. */
@Serdeable
record BusinessCreatedView(String clientId, String businessId, String apiKey, String name, String reviewMode,
                           String refundMode, String reviewAbove) {
    static final String API_KEY_REDACTED = "(shown once, when the business was created)";

    BusinessCreatedView withApiKey(String shown) {
        return new BusinessCreatedView(clientId, businessId, shown, name, reviewMode, refundMode, reviewAbove);
    }

    static BusinessCreatedView of(CreatedBusiness created) {
        Business business = created.business();
        return new BusinessCreatedView(business.clientId().value(), business.id().value(), created.apiKey(),
                business.name(), business.policy().reviewMode().name(), business.policy().refundMode().name(),
                business.policy().reviewAbove().map(java.math.BigDecimal::toPlainString).orElse(null));
    }
}
