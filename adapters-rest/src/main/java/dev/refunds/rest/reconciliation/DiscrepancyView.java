package dev.refunds.rest.reconciliation;

import dev.refunds.application.reconciliation.Discrepancy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * {@code {discrepancyId, kind, refundId, ours, processors, detectedAt, status, note, resolvedAt}}; {@code ours} or
 * {@code processors} is null where that side has no record of the refund.
 */
@Serdeable
record DiscrepancyView(String discrepancyId, String kind, String refundId, @Nullable SideView ours,
                       @Nullable SideView processors, String detectedAt, String status, @Nullable String note,
                       @Nullable String resolvedAt) {

    @Serdeable
    record SideView(String status, String amount, String currency) {
        static SideView of(Discrepancy.Observed observed) {
            return new SideView(observed.status(), observed.amount().toPlainString(),
                    observed.amount().currency().getCurrencyCode());
        }
    }

    static DiscrepancyView of(Discrepancy discrepancy) {
        return new DiscrepancyView(discrepancy.discrepancyId(), discrepancy.kind().name(),
                discrepancy.refundId().value(), discrepancy.ours().map(SideView::of).orElse(null),
                discrepancy.processors().map(SideView::of).orElse(null), discrepancy.detectedAt().toString(),
                discrepancy.status().name(), discrepancy.note().orElse(null),
                discrepancy.resolvedAt().map(Instant::toString).orElse(null));
    }
}
