package dev.refunds.rest.error;

import io.micronaut.http.HttpStatus;

/** The error codes of API.md, each with its one HTTP status. */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    /** The client's Accept header excludes application/json, the only thing this API answers in. */
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** An operator whose role may not do this (admin endpoints only). */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    INVALID_STATE(HttpStatus.CONFLICT),
    PAYMENT_NOT_REFUNDABLE(HttpStatus.CONFLICT),
    INVOICE_NOT_REFUNDABLE(HttpStatus.CONFLICT),
    REFUND_ALREADY_REQUESTED(HttpStatus.CONFLICT),
    REFUND_BLOCKED_BY_DISPUTE(HttpStatus.CONFLICT),
    PAYMENT_CHARGED_BACK(HttpStatus.CONFLICT),
    AMOUNT_EXCEEDS_REFUNDABLE(HttpStatus.UNPROCESSABLE_ENTITY),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY),
    IDEMPOTENCY_IN_PROGRESS(HttpStatus.CONFLICT),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
