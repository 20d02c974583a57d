package dev.refunds.rest.v1;

import dev.refunds.rest.JsonBody;
import dev.refunds.application.refund.PaymentRef;
import dev.refunds.application.refund.RequestRefundCommand;
import dev.refunds.application.refund.RequestedAmount;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.rest.Fields;
import dev.refunds.rest.MetadataField;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Optional;
import java.util.SortedMap;

/** {@code {amount?, reason, merchantRef?, metadata?}}; an omitted amount refunds all that is refundable. */
@Serdeable
record RequestRefundBody(@Nullable String amount, @Nullable String reason, @Nullable String merchantRef,
                         @Nullable SortedMap<String, String> metadata) {
    private static final int AMOUNT_LENGTH_MAX = 32;

    static RequestRefundBody from(JsonBody json) {
        return new RequestRefundBody(json.string("amount"), json.string("reason"), json.string("merchantRef"),
                json.stringMap("metadata"));
    }

    RequestRefundCommand toCommand(Business business, PaymentId paymentId) {
        Optional<RequestedAmount> requested = Fields.optional(amount, "amount", AMOUNT_LENGTH_MAX)
                .map(RequestedAmount::text);
        return new RequestRefundCommand(business, PaymentRef.of(paymentId), requested, false,
                Fields.required(reason, "reason", Refund.REASON_LENGTH_MAX),
                Fields.optional(merchantRef, "merchantRef", Refund.MERCHANT_REF_LENGTH_MAX),
                MetadataField.of(metadata));
    }
}
