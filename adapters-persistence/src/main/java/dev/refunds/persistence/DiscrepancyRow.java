package dev.refunds.persistence;

import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.reconciliation.Discrepancy.Observed;
import dev.refunds.application.reconciliation.DiscrepancyKind;
import dev.refunds.application.reconciliation.DiscrepancyStatus;
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.RefundId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Optional;

/** A row of {@code reconciliation_discrepancies}; its {@code seq} column is left to the database. */
@MappedEntity(value = "reconciliation_discrepancies", escape = false)
record DiscrepancyRow(@Id String discrepancyId, String kind, String refundId, @Nullable String oursStatus,
                      @Nullable Long oursAmountMinor, @Nullable String oursCurrency, @Nullable String processorStatus,
                      @Nullable Long processorAmountMinor, @Nullable String processorCurrency, long detectedAtMs,
                      String status, @Nullable String note, @Nullable Long resolvedAtMs) {

    static DiscrepancyRow of(Discrepancy discrepancy) {
        Optional<Observed> ours = discrepancy.ours();
        Optional<Observed> theirs = discrepancy.processors();
        return new DiscrepancyRow(discrepancy.discrepancyId(), discrepancy.kind().name(),
                discrepancy.refundId().value(), ours.map(Observed::status).orElse(null),
                ours.map(o -> o.amount().minorUnits()).orElse(null), ours.map(DiscrepancyRow::currency).orElse(null),
                theirs.map(Observed::status).orElse(null), theirs.map(o -> o.amount().minorUnits()).orElse(null),
                theirs.map(DiscrepancyRow::currency).orElse(null), Times.millis(discrepancy.detectedAt()),
                discrepancy.status().name(), discrepancy.note().orElse(null),
                discrepancy.resolvedAt().map(Times::millis).orElse(null));
    }

    Discrepancy toDomain() {
        return new Discrepancy(discrepancyId, DiscrepancyKind.valueOf(kind), new RefundId(refundId),
                observed(oursStatus, oursAmountMinor, oursCurrency),
                observed(processorStatus, processorAmountMinor, processorCurrency), Times.instant(detectedAtMs),
                DiscrepancyStatus.valueOf(status), Optional.ofNullable(note), Times.optionalInstant(resolvedAtMs));
    }

    private static String currency(Observed observed) {
        return observed.amount().currency().getCurrencyCode();
    }

    private static Optional<Observed> observed(String status, Long amountMinor, String currency) {
        if (status == null || amountMinor == null || currency == null) {
            return Optional.empty();
        }
        return Optional.of(new Observed(status, Money.of(currency, amountMinor)));
    }
}
