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

/** An operation that reads a JSON body, and the answers a bad body gets. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400",
        description = "VALIDATION_ERROR: a field, the query or the body is invalid",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: the body is over 64 KiB",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: the body is not application/json",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
public @interface JsonBodyAnswers {
}
