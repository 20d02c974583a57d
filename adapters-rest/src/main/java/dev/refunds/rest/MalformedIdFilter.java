package dev.refunds.rest;

import dev.refunds.rest.error.ErrorEnvelope;
import dev.refunds.rest.error.Errors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.regex.Pattern;

/**
 * A path under /api whose segments are not plain words (a decoded blank, a control character, a dot-segment) names
 * nothing: 404 at once, before credentials are even looked at, exactly as an unknown id would answer.
 */
@ServerFilter("/api/**")
final class MalformedIdFilter implements Ordered {
    /** A word, or a file name of the CSV exports ({@code refunds.csv}). */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}(\\.csv)?");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<ErrorEnvelope> refuseMalformed(HttpRequest<?> request) {
        String path = request.getPath();
        for (String segment : path.substring(1).split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return Errors.notFound("No such resource");
            }
        }
        return null;
    }
}
