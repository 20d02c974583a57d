package dev.refunds.rest.v2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;

/**
 * {@code {"pay_id": 12345, "refund_amount": 49.99, "isFullRefund": true}} read token by token, so that
 * {@code refund_amount} keeps the exact text the client wrote (never a {@code double}) and every wrongly typed
 * field is known for what it is. Fields that are absent or of the wrong JSON type are null here.
 *
 * @param amountLiteral the number exactly as written, e.g. {@code "49.99"} or {@code "1e2"}
 */
@Serdeable
record RefundPaymentBody(@Nullable Long payId, @Nullable String amountLiteral, @Nullable Boolean fullRefund,
                         boolean fullRefundMalformed) {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Null when the body is not one JSON object. */
    @Nullable
    static RefundPaymentBody parse(String raw) {
        try (JsonParser parser = JSON.createParser(raw)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Long payId = null;
            String amount = null;
            Boolean full = null;
            boolean fullMalformed = false;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "pay_id" -> payId = value == JsonToken.VALUE_NUMBER_INT ? longOrNull(parser) : null;
                    case "refund_amount" -> amount = value == JsonToken.VALUE_NUMBER_INT
                            || value == JsonToken.VALUE_NUMBER_FLOAT ? parser.getText() : null;
                    case "isFullRefund" -> {
                        full = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
                                : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                        fullMalformed = full == null && value != JsonToken.VALUE_NULL;
                    }
                    default -> { }
                }
                parser.skipChildren();
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return new RefundPaymentBody(payId, amount, full, fullMalformed);
        } catch (IOException malformed) {
            return null;
        }
    }

    /** True when {@code refund_amount} is a number above zero (the first check of the SecPaid table). */
    boolean hasPositiveAmount() {
        if (amountLiteral == null || amountLiteral.startsWith("-")) {
            return false;
        }
        String mantissa = amountLiteral.split("[eE]")[0];
        return mantissa.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    private static Long longOrNull(JsonParser parser) throws IOException {
        return parser.getNumberType() == JsonParser.NumberType.INT || parser.getNumberType() == JsonParser.NumberType.LONG
                ? parser.getLongValue() : null;
    }
}
