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

/** A merchant (v1, v2) controller: all three merchant headers together, and the errors any merchant call can answer. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SecurityRequirement(name = ApiSecurity.CLIENT_ID)
@SecurityRequirement(name = ApiSecurity.BUSINESS_ID)
@SecurityRequirement(name = ApiSecurity.API_KEY)
@ApiResponse(responseCode = "401", description = "UNAUTHORIZED: a merchant header is missing or wrong",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorEnvelope.class)))
@AnyCallErrorAnswers
public @interface MerchantApi {
}
