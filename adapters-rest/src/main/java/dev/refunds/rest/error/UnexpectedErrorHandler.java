package dev.refunds.rest.error;

import dev.refunds.application.DatabaseUnavailableException;
import dev.refunds.rest.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** Anything unexpected: logged with the request id, answered with that id and nothing else. */
@Singleton
@Produces
final class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<ErrorEnvelope>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, Exception exception) {
        if (hasCause(exception, DecompressionException.class)) {
            return Errors.of(ErrorCode.VALIDATION_ERROR, "The request body could not be decoded as its"
                    + " Content-Encoding says");
        }
        if (hasCause(exception, UnsupportedCharsetException.class) || hasCause(exception,
                IllegalCharsetNameException.class)) {
            return Errors.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json in UTF-8");
        }
        Throwable unavailable = causeOf(exception, DatabaseUnavailableException.class);
        if (unavailable != null) {
            LOG.warn("request {} {} {}: {}", RequestIds.of(request), request.getMethodName(), request.getPath(),
                    unavailable.getMessage());
            return Errors.of(ErrorCode.SERVICE_UNAVAILABLE, "The service cannot reach its database; retry later"
                    + " (request id " + RequestIds.of(request) + ")");
        }
        LOG.error("request {} {} {} failed", RequestIds.of(request), request.getMethodName(), request.getPath(),
                exception);
        return Errors.of(ErrorCode.INTERNAL_ERROR, InternalErrors.message(request));
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        return causeOf(error, type) != null;
    }

    private static Throwable causeOf(Throwable error, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 10; cause = cause.getCause(), depth++) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }
}
