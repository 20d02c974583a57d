package dev.refunds.rest.report;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code getBalances}' envelope (the OpenAPI document's schema): every balance at once, so hasMore is false. */
@Schema(name = "BalanceListResponse")
record BalanceListResponse(@Schema(allowableValues = Formats.SUCCESS) String status, Balances data) {

    @Schema(name = "BalanceList")
    record Balances(List<BalanceView> items,
                    @Schema(description = "Always false: every balance is in items") boolean hasMore) {
    }
}
