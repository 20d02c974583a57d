package dev.refunds.rest.reconciliation;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.reconciliation.Discrepancy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * {@code {discrepancyId, kind, refundId, ours, processors, detectedAt, status, note, resolvedAt}}; {@code ours} or
 * {@code processors} is null where that side has no record of the refund.
 */
@Serdeable
record DiscrepancyView(@Schema(pattern = Formats.ID, example = "DSC_F8F87995548D758A8D52") String discrepancyId,
        @Schema(allowableValues = {"MISSING_AT_PROCESSOR", "UNKNOWN_TO_US", "STATUS_MISMATCH", "AMOUNT_MISMATCH"})
        String kind,
        @Schema(pattern = Formats.ID, description = "Ours, or the processor's own id when we have no such refund",
                example = "REF_20261203_HNFVTQ3XS6")
        String refundId, @Nullable SideView ours,
        @Nullable SideView processors, @Schema(format = Formats.DATE_TIME) String detectedAt,
        @Schema(allowableValues = {"OPEN", "RESOLVED"}) String status, @Nullable String note,
        @Nullable @Schema(format = Formats.DATE_TIME) String resolvedAt) {

    @Serdeable
    @Schema(name = "DiscrepancySide")
    record SideView(String status,
            @Schema(pattern = Formats.AMOUNT, example = "400.00") String amount,
            @Schema(pattern = Formats.CURRENCY, example = "BDT") String currency) {
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
