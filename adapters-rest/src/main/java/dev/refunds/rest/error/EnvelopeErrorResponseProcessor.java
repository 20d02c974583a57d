package dev.refunds.rest.error;

import dev.refunds.rest.RequestIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Puts what Micronaut answers by itself (unknown route, wrong method, oversized or unreadable body, wrong content
 * type) into our envelope. Micronaut's own messages can name classes, so none of them reaches the client.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<ErrorEnvelope> {

    @Override
    @NonNull
    public MutableHttpResponse<ErrorEnvelope> processResponse(@NonNull ErrorContext context,
                                                              @NonNull MutableHttpResponse<?> response) {
        ErrorEnvelope body = switch (response.getStatus()) {
            case BAD_REQUEST -> badRequest(context);
            case UNAUTHORIZED -> ErrorEnvelope.of(ErrorCode.UNAUTHORIZED, "Credentials are missing or wrong", null);
            case NOT_FOUND -> ErrorEnvelope.of(ErrorCode.NOT_FOUND, "No such resource", null);
            case METHOD_NOT_ALLOWED -> ErrorEnvelope.of(ErrorCode.METHOD_NOT_ALLOWED,
                    "This path does not take " + context.getRequest().getMethodName(), null);
            case REQUEST_ENTITY_TOO_LARGE -> ErrorEnvelope.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request is too large: a body may have up to 64 KiB, all headers together up to 8 KiB", null);
            case UNSUPPORTED_MEDIA_TYPE -> ErrorEnvelope.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be application/json", null);
            case NOT_ACCEPTABLE -> ErrorEnvelope.of(ErrorCode.NOT_ACCEPTABLE,
                    "This API answers in application/json only", null);
            default -> response.getStatus().getCode() < 500
                    ? ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR, "The request cannot be served as sent (HTTP "
                    + response.getStatus().getCode() + ")", null)
                    : ErrorEnvelope.of(ErrorCode.INTERNAL_ERROR, InternalErrors.message(context.getRequest()), null);
        };
        HttpStatus status = response.getStatus().getCode() >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR
                : response.getStatus();
        // Set here too: a request refused before any filter ran (an oversized header, say) gets it no other way.
        return response.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(RequestIds.HEADER, RequestIds.of(context.getRequest())).body(body);
    }

    /**
     * What Micronaut refuses by itself: a body that is not JSON of the documented types, or a request the HTTP
     * decoder could not read at all (a header with control characters, say: the decoder stops there, so which
     * header is not known to any later layer). The root cause tells the two apart; neither message names a class.
     */
    private static ErrorEnvelope badRequest(ErrorContext context) {
        if (context.getRootCause().isEmpty()) {
            return ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR, "The request could not be read: a header contains"
                    + " characters HTTP does not allow (control characters), or the request line is malformed", null);
        }
        return ErrorEnvelope.of(ErrorCode.VALIDATION_ERROR,
                "The request is malformed: the body must be a JSON object with fields of the documented types", null);
    }
}
