package dev.refunds.rest.doc;

import dev.refunds.rest.IdempotentPosts;
import dev.refunds.rest.error.ErrorEnvelope;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that takes an idempotency key: the answers that key can cause. The header itself is declared in the
 * operation's {@code parameters} ({@link #HEADER}, {@link #DOC}), where micronaut-openapi keeps its schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400",
        description = "VALIDATION_ERROR: a field, the query, the body or the idempotency key is invalid",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(responseCode = "409",
        description = "A conflict: INVALID_STATE or another state rule named by the code, or IDEMPOTENCY_IN_PROGRESS",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@ApiResponse(responseCode = "422",
        description = "IDEMPOTENCY_KEY_REUSED, or (where an amount is asked for) AMOUNT_EXCEEDS_REFUNDABLE",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
public @interface IdempotentPost {
    String HEADER = IdempotentPosts.KEY_HEADER;
    String DOC = IdempotentPosts.KEY_DOC;
}
