package dev.refunds.rest.doc;

import dev.refunds.rest.error.ErrorEnvelope;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The errors any call of this API can answer, whoever makes it; {@link MerchantApi} and {@link AdminApi} carry
 * them beside their own authentication errors.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
@ApiResponse(responseCode = "400",
        description = "BAD_REQUEST or VALIDATION_ERROR: a malformed request (path, query, header or body) on any call",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(responseCode = "406",
        description = "NOT_ACCEPTABLE: the Accept header names no JSON type; this API answers in application/json only",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(responseCode = "413",
        description = "PAYLOAD_TOO_LARGE: a body over 64 KiB or headers over 8 KiB, on any request",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(responseCode = "500",
        description = "INTERNAL_ERROR: an unexpected failure, answered with a request id only",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(responseCode = "503",
        description = "SERVICE_UNAVAILABLE: the database does not answer; retry later",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
public @interface AnyCallErrorAnswers {
}
