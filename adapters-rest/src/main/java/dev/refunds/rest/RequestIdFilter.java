package dev.refunds.rest;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Gives every request its id: in the logs (MDC key {@code requestId}, carried to whichever thread serves the
 * request) and on every response, errors included. Runs first, so even a 401 carries it.
 */
@ServerFilter(value = ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements io.micronaut.core.order.Ordered {
    /** At DEBUG, one line per request: an access log carrying the request id like every other line. */
    private static final Logger LOG = LoggerFactory.getLogger(RequestIdFilter.class);
    static final String MDC_KEY = "requestId";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void tagLogs(HttpRequest<?> request, MutablePropagatedContext context) {
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, RequestIds.of(request))));
    }

    @ResponseFilter
    void addRequestId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(RequestIds.HEADER, RequestIds.of(request));
        LOG.debug("{} {} -> {}", request.getMethodName(), request.getPath(), response.code());
    }
}
