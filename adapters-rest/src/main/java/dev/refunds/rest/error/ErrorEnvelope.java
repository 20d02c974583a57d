package dev.refunds.rest.error;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"status": "error", "error": {"code": …, "message": …, "field": …}}}; {@code field} only when one is at fault. */
@Serdeable
public record ErrorEnvelope(@Schema(allowableValues = "error") String status, Body error) {

    public static ErrorEnvelope of(ErrorCode code, String message, String field) {
        return new ErrorEnvelope("error", new Body(code.name(), message, field));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ErrorBody")
    public record Body(@Schema(implementation = ErrorCode.class) String code, String message,
                       @Nullable @Schema(description = "The field at fault, only when one is") String field) {
    }
}
