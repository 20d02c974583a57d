package dev.refunds.rest.error;

import dev.refunds.domain.payment.Refusal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds error responses; refusals map to API codes in one exhaustive switch. */
public final class Errors {
    /** A lost node is replaced (failover, a new cluster view) within seconds; API.md promises the header. */
    static final String RETRY_AFTER_SECONDS = "2";

    private Errors() {
    }

    /** Always JSON, also where the route answers something else on success (the CSV exports). */
    public static MutableHttpResponse<ErrorEnvelope> of(ErrorCode code, String message, String field) {
        MutableHttpResponse<ErrorEnvelope> response = HttpResponse.<ErrorEnvelope>status(code.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(ErrorEnvelope.of(code, message, field));
        if (code == ErrorCode.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response;
    }

    public static MutableHttpResponse<ErrorEnvelope> of(ErrorCode code, String message) {
        return of(code, message, null);
    }

    public static MutableHttpResponse<ErrorEnvelope> invalid(String field, String message) {
        return of(ErrorCode.VALIDATION_ERROR, message, field);
    }

    public static MutableHttpResponse<ErrorEnvelope> notFound(String message) {
        return of(ErrorCode.NOT_FOUND, message);
    }

    public static MutableHttpResponse<ErrorEnvelope> refused(Refusal refusal) {
        ErrorCode code = switch (refusal.code()) {
            case PAYMENT_NOT_FOUND, REFUND_NOT_FOUND, DISPUTE_NOT_FOUND -> ErrorCode.NOT_FOUND;
            case INVALID_STATE -> ErrorCode.INVALID_STATE;
            case PAYMENT_CANCELLED, PAYMENT_NOT_REFUNDABLE -> ErrorCode.PAYMENT_NOT_REFUNDABLE;
            case INVOICE_NOT_REFUNDABLE -> ErrorCode.INVOICE_NOT_REFUNDABLE;
            case REFUND_ALREADY_REQUESTED -> ErrorCode.REFUND_ALREADY_REQUESTED;
            case REFUND_BLOCKED_BY_DISPUTE -> ErrorCode.REFUND_BLOCKED_BY_DISPUTE;
            case PAYMENT_CHARGED_BACK -> ErrorCode.PAYMENT_CHARGED_BACK;
            case AMOUNT_EXCEEDS_REFUNDABLE, AMOUNT_NOT_FULL_REFUND -> ErrorCode.AMOUNT_EXCEEDS_REFUNDABLE;
            // Its form depends on the payment's currency, so it is judged under the lock, but it is bad input.
            case INVALID_AMOUNT -> ErrorCode.VALIDATION_ERROR;
        };
        return of(code, refusal.message(), refusal.field().orElse(null));
    }
}
