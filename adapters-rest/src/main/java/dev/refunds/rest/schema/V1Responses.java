package dev.refunds.rest.schema;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The success envelopes v1 answers with, one per shape of {@code data}. */
public final class V1Responses {
    private V1Responses() {
    }

    @Schema(name = "PaymentResponse")
    public record PaymentResponse(@Schema(allowableValues = Formats.SUCCESS) String status, PaymentSchema data) {
    }

    @Schema(name = "PaymentPage", description = "One cursor page, newest first; ask for the next with startingAfter")
    public record PaymentPage(List<PaymentSchema> items, boolean hasMore) {
    }

    @Schema(name = "PaymentPageResponse")
    public record PaymentPageResponse(@Schema(allowableValues = Formats.SUCCESS) String status, PaymentPage data) {
    }

    @Schema(name = "RefundResponse")
    public record RefundResponse(@Schema(allowableValues = Formats.SUCCESS) String status, RefundSchema data) {
    }

    @Schema(name = "RefundPage", description = "Refunds; hasMore says whether startingAfter would find more")
    public record RefundPage(List<RefundSchema> items, boolean hasMore) {
    }

    @Schema(name = "RefundPageResponse")
    public record RefundPageResponse(@Schema(allowableValues = Formats.SUCCESS) String status, RefundPage data) {
    }

    @Schema(name = "AdminRefundResponse")
    public record AdminRefundResponse(@Schema(allowableValues = Formats.SUCCESS) String status,
                                      AdminRefundSchema data) {
    }

    @Schema(name = "AdminRefundPage", description = "One cursor page of refunds across businesses")
    public record AdminRefundPage(List<AdminRefundSchema> items, boolean hasMore) {
    }

    @Schema(name = "AdminRefundPageResponse")
    public record AdminRefundPageResponse(@Schema(allowableValues = Formats.SUCCESS) String status,
                                          AdminRefundPage data) {
    }
}
