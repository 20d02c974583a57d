package dev.refunds.rest.admin;

import dev.refunds.rest.schema.Formats;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.business.CreatedBusiness;
import dev.refunds.domain.business.Business;
import io.micronaut.serde.annotation.Serdeable;

/** The new business's credentials; {@code apiKey} is shown only here, once. */
@Serdeable
record BusinessCreatedView(@Schema(pattern = Formats.ID, example = "HM_8f2c61d0a4b7") String clientId,
        @Schema(pattern = Formats.ID, example = "HB_71c4a09e3f52") String businessId,
        @Schema(description = "Shown once, here", example = "sk_live_…") String apiKey, String name,
        @Schema(allowableValues = {"AUTO", "MANUAL"}) String reviewMode,
        @Schema(allowableValues = {"MULTIPLE", "SINGLE"}) String refundMode,
        @Nullable @Schema(pattern = Formats.AMOUNT, example = "1000.00") String reviewAbove) {
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
