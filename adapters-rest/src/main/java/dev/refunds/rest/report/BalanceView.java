package dev.refunds.rest.report;

import dev.refunds.application.report.Balance;
import io.micronaut.serde.annotation.Serdeable;

/** Totals of one business in one currency, amounts in the v1 string form. */
@Serdeable
record BalanceView(String businessId, String currency, String requested, String completed, String failed,
                   String reversed, String inFlight) {
    static BalanceView of(Balance balance) {
        return new BalanceView(balance.businessId().value(), balance.requested().currency().getCurrencyCode(),
                balance.requested().toPlainString(), balance.completed().toPlainString(),
                balance.failed().toPlainString(), balance.reversed().toPlainString(),
                balance.inFlight().toPlainString());
    }
}
