package dev.refunds.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Echoes the request id on every response, errors included. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter {
    @ResponseFilter
    void addRequestId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(RequestIds.HEADER, RequestIds.of(request));
    }
}
