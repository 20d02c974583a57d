package dev.refunds.rest.doc;

import dev.refunds.rest.error.ErrorEnvelope;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The operation answers 409 when the resource's state does not allow it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "409",
        description = "A conflict: INVALID_STATE or another state rule named by the code, or IDEMPOTENCY_IN_PROGRESS",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
public @interface ConflictAnswer {
}
