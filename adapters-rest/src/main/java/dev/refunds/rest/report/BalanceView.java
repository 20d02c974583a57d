package dev.refunds.rest.report;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.report.Balance;
import io.micronaut.serde.annotation.Serdeable;

/** Totals of one business in one currency, amounts in the v1 string form. */
@Serdeable
record BalanceView(@Schema(pattern = Formats.ID) String businessId,
        @Schema(pattern = Formats.CURRENCY, example = "BDT") String currency,
        @Schema(pattern = Formats.AMOUNT, example = "1400.00") String requested,
        @Schema(pattern = Formats.AMOUNT, example = "1000.00") String completed,
        @Schema(pattern = Formats.AMOUNT, example = "0.00") String failed,
        @Schema(pattern = Formats.AMOUNT, example = "0.00") String reversed,
        @Schema(pattern = Formats.AMOUNT, example = "400.00") String inFlight) {
    static BalanceView of(Balance balance) {
        return new BalanceView(balance.businessId().value(), balance.requested().currency().getCurrencyCode(),
                balance.requested().toPlainString(), balance.completed().toPlainString(),
                balance.failed().toPlainString(), balance.reversed().toPlainString(),
                balance.inFlight().toPlainString());
    }
}
