package dev.refunds.rest;

import io.micronaut.serde.annotation.Serdeable;

/** {@code {"status": "success", "data": …}} */
@Serdeable
public record SuccessEnvelope(String status, Object data) {
    public static SuccessEnvelope of(Object data) {
        return new SuccessEnvelope("success", data);
    }
}
