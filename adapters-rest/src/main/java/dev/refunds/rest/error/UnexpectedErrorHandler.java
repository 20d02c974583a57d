package dev.refunds.rest.error;

import dev.refunds.rest.RequestIds;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected: logged with the request id, answered with that id and nothing else. */
@Singleton
@Produces
final class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<ErrorEnvelope>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, Exception exception) {
        if (DatabaseErrors.isUnavailable(exception)) {
            LOG.warn("request {} {} {}: database unavailable", RequestIds.of(request), request.getMethodName(),
                    request.getPath(), exception);
            return Errors.of(ErrorCode.SERVICE_UNAVAILABLE, "The service cannot reach its database; retry later"
                    + " (request id " + RequestIds.of(request) + ")");
        }
        LOG.error("request {} {} {} failed", RequestIds.of(request), request.getMethodName(), request.getPath(),
                exception);
        return Errors.of(ErrorCode.INTERNAL_ERROR, InternalErrors.message(request));
    }
}
