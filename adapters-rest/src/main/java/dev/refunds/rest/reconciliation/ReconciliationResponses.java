package dev.refunds.rest.reconciliation;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The success envelopes of reconciliation (the OpenAPI document's schemas). */
final class ReconciliationResponses {
    private ReconciliationResponses() {
    }

    @Schema(name = "DiscrepancyResponse")
    record DiscrepancyResponse(@Schema(allowableValues = Formats.SUCCESS) String status, DiscrepancyView data) {
    }

    @Schema(name = "DiscrepancyPage", description = "One cursor page of discrepancies")
    record DiscrepancyPage(List<DiscrepancyView> items, boolean hasMore) {
    }

    @Schema(name = "DiscrepancyPageResponse")
    record DiscrepancyPageResponse(@Schema(allowableValues = Formats.SUCCESS) String status, DiscrepancyPage data) {
    }
}
