package dev.refunds.rest.v2;

import dev.refunds.rest.schema.Formats;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * A refund as {@code refundStatus} shows it; {@code refund_amount} is a JSON number with the currency's digits.
 * {@code refundPayment} answers the same without {@code reject_reason} ({@link Requested}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "A refund as refundStatus shows it")
record SecPaidView(@JsonProperty("refund_id") @Schema(pattern = Formats.REFUND_ID) String refundId,
        @JsonProperty("pay_id") @Schema(minimum = "1", example = "4856104594992634") long payId,
        @JsonProperty("refund_amount") @Schema(description = "A JSON number with the currency's digits",
            example = "49.99") BigDecimal refundAmount,
        @Schema(allowableValues = {"Pending", "Approved", "Rejected", "Completed", "Failed", "Cancelled",
            "Reversed"}) String status,
        @JsonProperty("reject_reason") @Nullable String rejectReason) {

    static SecPaidView of(Refund refund, long payId) {
        return new SecPaidView(refund.id().value(), payId, refund.amount().toDecimal(), statusOf(refund.status()),
                refund.rejectReason().orElse(null));
    }

    Requested requested() {
        return new Requested(refundId, payId, refundAmount, status);
    }

    /** {@code refundPayment}'s answer: {@code {refund_id, pay_id, refund_amount, status}}. */
    @Serdeable
    @Schema(name = "SecPaidRequestedRefund")
    record Requested(@JsonProperty("refund_id") @Schema(pattern = Formats.REFUND_ID) String refundId,
            @JsonProperty("pay_id") @Schema(minimum = "1", example = "4856104594992634") long payId,
            @JsonProperty("refund_amount") @Schema(example = "49.99") BigDecimal refundAmount,
            @Schema(allowableValues = {"Pending", "Approved"}) String status) {
    }

    /** v2's seven statuses: INITIATED and PROCESSING are both "Approved". */
    static String statusOf(RefundStatus status) {
        return switch (status) {
            case PENDING_REVIEW -> "Pending";
            case INITIATED, PROCESSING -> "Approved";
            case REJECTED -> "Rejected";
            case COMPLETED -> "Completed";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
            case REVERSED -> "Reversed";
        };
    }
}
