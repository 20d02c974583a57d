package dev.refunds.rest.error;

import dev.refunds.rest.RequestIds;
import io.micronaut.http.HttpRequest;

/** The one message a client sees for a server error: no internals, only the id the log holds too. */
final class InternalErrors {
    private InternalErrors() {
    }

    static String message(HttpRequest<?> request) {
        return "An unexpected error occurred; quote request id " + RequestIds.of(request) + " to support";
    }
}
