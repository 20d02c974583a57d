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

/** The operation answers 404 for an unknown id or another business's resource. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "404", description = "NOT_FOUND: no such resource for this caller",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
public @interface NotFoundAnswer {
}
