package dev.refunds.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"status": "error", "error": {"code": …, "message": …, "field": …}}}; {@code field} only when one is at fault. */
@Serdeable
public record ErrorEnvelope(String status, Body error) {

    public static ErrorEnvelope of(ErrorCode code, String message, String field) {
        return new ErrorEnvelope("error", new Body(code.name(), message, field));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String message, String field) {
    }
}
