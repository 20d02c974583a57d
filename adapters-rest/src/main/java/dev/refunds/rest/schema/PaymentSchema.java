package dev.refunds.rest.schema;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The documented shape of {@code dev.refunds.application.view.PaymentView}, which the application layer keeps free
 * of annotations; {@code SchemasMirrorTheirViewsTest} holds the two to the same fields.
 */
@Schema(name = "Payment",
        description = "A payment as its business sees it; amounts are strings at the currency's scale")
public record PaymentSchema(
        @Schema(pattern = Formats.PAYMENT_ID, example = "PAY_20260517_K8X3M2QZ7D") String paymentId,
        @Schema(description = "The numeric id v2 calls pay_id", minimum = "1", example = "4856104594992634")
        long payId,
        @Schema(pattern = Formats.AMOUNT, example = "1000.00") String amount,
        @Schema(pattern = Formats.CURRENCY, example = "BDT") String currency,
        @Schema(allowableValues = {"LINK", "INVOICE"}) String type,
        @Schema(allowableValues = {"PENDING", "COMPLETED", "CANCELLED", "REFUNDED"}) String status,
        @Schema(pattern = Formats.AMOUNT, description = "Completed refunds so far", example = "400.00")
        String refundTotal,
        @Schema(pattern = Formats.AMOUNT, description = "What may still be refunded", example = "600.00")
        String refundableAmount,
        @Schema(description = "An open or lost dispute blocks refunds") boolean disputed,
        @Nullable @Schema(example = "order-1") String merchantRef,
        @Nullable String description,
        @Schema(format = Formats.DATE_TIME, example = "2026-05-17T10:15:30.123Z") String createdAt,
        @Nullable @Schema(format = Formats.DATE_TIME) String completedAt,
        @Schema(name = "metadata", implementation = MetadataSchema.class) Map<String, String> metadata) {
}
