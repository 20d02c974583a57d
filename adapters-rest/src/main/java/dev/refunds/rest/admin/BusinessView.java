package dev.refunds.rest.admin;

import dev.refunds.rest.schema.Formats;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.domain.business.Business;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A business as operators list it; never its API key. */
@Serdeable
record BusinessView(@Schema(pattern = Formats.ID, example = "HB_71c4a09e3f52") String businessId,
        @Schema(pattern = Formats.ID, example = "HM_8f2c61d0a4b7") String clientId, String name,
        @Schema(allowableValues = {"AUTO", "MANUAL"}) String reviewMode,
        @Schema(allowableValues = {"MULTIPLE", "SINGLE"}) String refundMode,
        @Nullable @Schema(pattern = Formats.AMOUNT, example = "1000.00") String reviewAbove,
        @Schema(format = Formats.DATE_TIME) String createdAt) {
    static BusinessView of(Business business) {
        return new BusinessView(business.id().value(), business.clientId().value(), business.name(),
                business.policy().reviewMode().name(), business.policy().refundMode().name(),
                business.policy().reviewAbove().map(BigDecimal::toPlainString).orElse(null),
                business.createdAt().toString());
    }
}
