package dev.refunds.rest.v2;

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
record SecPaidView(@JsonProperty("refund_id") String refundId, @JsonProperty("pay_id") long payId,
                   @JsonProperty("refund_amount") BigDecimal refundAmount, String status,
                   @JsonProperty("reject_reason") String rejectReason) {

    static SecPaidView of(Refund refund, long payId) {
        return new SecPaidView(refund.id().value(), payId, refund.amount().toDecimal(), statusOf(refund.status()),
                refund.rejectReason().orElse(null));
    }

    Requested requested() {
        return new Requested(refundId, payId, refundAmount, status);
    }

    /** {@code refundPayment}'s answer: {@code {refund_id, pay_id, refund_amount, status}}. */
    @Serdeable
    record Requested(@JsonProperty("refund_id") String refundId, @JsonProperty("pay_id") long payId,
                     @JsonProperty("refund_amount") BigDecimal refundAmount, String status) {
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
