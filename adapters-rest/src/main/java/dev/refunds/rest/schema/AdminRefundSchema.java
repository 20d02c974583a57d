package dev.refunds.rest.schema;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The documented shape of the admin refund view: every field of {@link RefundSchema} (unwrapped) and the business;
 * {@code SchemasMirrorTheirViewsTest} holds it to the refund view's fields.
 */
@Schema(name = "AdminRefund", description = "A refund as operators see it: the merchant's view and its business")
public record AdminRefundSchema(
        @Schema(pattern = Formats.REFUND_ID, example = "REF_20260517_M4N1J7QZ7D") String refundId,
        @Schema(pattern = Formats.PAYMENT_ID, example = "PAY_20260517_K8X3M2QZ7D") String paymentId,
        @Schema(pattern = Formats.AMOUNT, example = "400.00") String amount,
        @Schema(pattern = Formats.CURRENCY, example = "BDT") String currency,
        @Schema(allowableValues = {"PENDING_REVIEW", "REJECTED", "INITIATED", "PROCESSING", "COMPLETED", "FAILED",
            "CANCELLED", "REVERSED"}) String status,
        @Nullable String reason,
        @Nullable String merchantRef,
        @Nullable String rejectReason,
        @Nullable String failureReason,
        @Schema(format = Formats.DATE_TIME) String initiatedAt,
        @Nullable @Schema(format = Formats.DATE_TIME) String completedAt,
        @Nullable @Schema(allowableValues = {"declined", "card_closed", "insufficient_funds",
            "processor_unavailable", "unknown"}) String failureCode,
        @Nullable String processorReference,
        @Nullable String acquirerReference,
        @Nullable @Schema(format = Formats.DATE_TIME) String reversedAt,
        @Schema(name = "metadata", implementation = MetadataSchema.class) Map<String, String> metadata,
        @Nullable String reviewedBy,
        @Schema(pattern = Formats.ID, example = "HB_71c4a09e3f52") String businessId) {
}
