package dev.refunds.rest.v2;

import dev.refunds.domain.payment.Refusal;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.ErrorEnvelope;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.MutableHttpResponse;

/** The SecPaid document's exact messages, with the v1 error codes and statuses they correspond to. */
final class SecPaidErrors {
    static final String AMOUNT_REQUIRED = "Refund amount is required";
    static final String LINK_NOT_FOUND = "Link not found";
    static final String LINK_CANCELLED = "Link is cancelled";
    static final String INVOICE = "Cannot refund invoice-type links";
    static final String ALREADY_REQUESTED = "Refund already requested";
    static final String BLOCKED_BY_DISPUTE = "Refund blocked by dispute";
    static final String INVALID_AMOUNT = "Invalid refund amount";

    private SecPaidErrors() {
    }

    static MutableHttpResponse<ErrorEnvelope> amountRequired() {
        return Errors.of(ErrorCode.VALIDATION_ERROR, AMOUNT_REQUIRED);
    }

    static MutableHttpResponse<ErrorEnvelope> linkNotFound() {
        return Errors.of(ErrorCode.NOT_FOUND, LINK_NOT_FOUND);
    }

    static MutableHttpResponse<ErrorEnvelope> invalidAmount() {
        return Errors.of(ErrorCode.AMOUNT_EXCEEDS_REFUNDABLE, INVALID_AMOUNT);
    }

    static MutableHttpResponse<ErrorEnvelope> refused(Refusal refusal) {
        return switch (refusal.code()) {
            case PAYMENT_NOT_FOUND, REFUND_NOT_FOUND, DISPUTE_NOT_FOUND -> linkNotFound();
            case PAYMENT_CANCELLED -> Errors.of(ErrorCode.PAYMENT_NOT_REFUNDABLE, LINK_CANCELLED);
            case INVOICE_NOT_REFUNDABLE -> Errors.of(ErrorCode.INVOICE_NOT_REFUNDABLE, INVOICE);
            case REFUND_ALREADY_REQUESTED -> Errors.of(ErrorCode.REFUND_ALREADY_REQUESTED, ALREADY_REQUESTED);
            case REFUND_BLOCKED_BY_DISPUTE, PAYMENT_CHARGED_BACK ->
                    Errors.of(ErrorCode.REFUND_BLOCKED_BY_DISPUTE, BLOCKED_BY_DISPUTE);
            // An unpaid or fully refunded link has nothing refundable: the amount is what is wrong.
            case PAYMENT_NOT_REFUNDABLE, AMOUNT_EXCEEDS_REFUNDABLE, AMOUNT_NOT_FULL_REFUND, INVALID_AMOUNT,
                 INVALID_STATE ->
                    invalidAmount();
        };
    }
}
