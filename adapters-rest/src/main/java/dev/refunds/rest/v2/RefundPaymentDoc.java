package dev.refunds.rest.v2;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

/** The documented shape of {@code refundPayment}'s body (the controller reads it token by token). */
@Serdeable
@Schema(name = "RefundPaymentRequest")
record RefundPaymentDoc(@JsonProperty("pay_id") @Schema(description = "the payment's numeric payId") long payId,
                        @JsonProperty("refund_amount") @Schema(description = "a JSON number, e.g. 49.99; always"
                                + " required, even for a full refund") BigDecimal refundAmount,
                        @Schema(description = "true: refund_amount must be the whole refundable amount")
                        Boolean isFullRefund) {
}
