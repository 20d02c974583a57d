package dev.refunds.rest.schema;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The documented shape of {@code dev.refunds.application.view.RefundView} (annotation-free application layer);
 * {@code SchemasMirrorTheirViewsTest} holds the two to the same fields.
 */
@Schema(name = "Refund", description = "A refund as its business sees it")
public record RefundSchema(
        @Schema(pattern = Formats.REFUND_ID, example = "REF_20260517_M4N1J7QZ7D") String refundId,
        @Schema(pattern = Formats.PAYMENT_ID, example = "PAY_20260517_K8X3M2QZ7D") String paymentId,
        @Schema(pattern = Formats.AMOUNT, example = "400.00") String amount,
        @Schema(pattern = Formats.CURRENCY, example = "BDT") String currency,
        @Schema(allowableValues = {"PENDING_REVIEW", "REJECTED", "INITIATED", "PROCESSING", "COMPLETED", "FAILED",
            "CANCELLED", "REVERSED"}) String status,
        @Nullable @Schema(example = "one item returned") String reason,
        @Nullable String merchantRef,
        @Nullable String rejectReason,
        @Nullable String failureReason,
        @Schema(format = Formats.DATE_TIME, example = "2026-05-17T10:16:02.456Z") String initiatedAt,
        @Nullable @Schema(format = Formats.DATE_TIME) String completedAt,
        @Nullable @Schema(allowableValues = {"declined", "card_closed", "insufficient_funds",
            "processor_unavailable", "unknown"}) String failureCode,
        @Nullable @Schema(example = "sbx_REF_20260517_M4N1J7QZ7D") String processorReference,
        @Nullable @Schema(description = "An ARN the bank can trace", example = "74839201928374650192837")
        String acquirerReference,
        @Nullable @Schema(format = Formats.DATE_TIME) String reversedAt,
        @Schema(name = "metadata", implementation = MetadataSchema.class) Map<String, String> metadata,
        @Nullable @Schema(description = "The operator who approved or rejected it") String reviewedBy) {
}
