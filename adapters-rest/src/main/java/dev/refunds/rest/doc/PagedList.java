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

/** A cursor-paged list: the 400 a bad limit or startingAfter gets (limit is typed where the method reads it). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400",
        description = "VALIDATION_ERROR: a field, the query or the body is invalid",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
public @interface PagedList {
}
