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


/**
 * A path under /api whose segments are not plain words (a decoded blank, a control character, a dot-segment) names
 * nothing: 404 at once, before credentials are even looked at, exactly as an unknown id would answer.
 */
@ServerFilter("/api/**")
final class MalformedIdFilter implements Ordered {
    private static final int WORD_LENGTH_MAX = 64;
    private static final String CSV = ".csv";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<ErrorEnvelope> refuseMalformed(HttpRequest<?> request) {
        return plainPath(request.getPath()) ? null : Errors.notFound("No such resource");
    }

    /** Every segment after the leading {@code /} is plain, the empty one after a trailing {@code /} too. */
    static boolean plainPath(String path) {
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            end = end < 0 ? path.length() : end;
            if (!plainSegment(path, start, end)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /**
     * A word ({@code [A-Za-z0-9_-]{1,64}}), or a file name of the CSV exports ({@code refunds.csv}). By hand, not by
     * a regular expression: this runs for every segment of every request, and the matchers showed in the profile.
     */
    private static boolean plainSegment(String path, int start, int end) {
        int csvAt = end - CSV.length();
        int wordEnd = csvAt >= start && path.startsWith(CSV, csvAt) ? csvAt : end;
        if (wordEnd == start || wordEnd - start > WORD_LENGTH_MAX) {
            return false;
        }
        for (int i = start; i < wordEnd; i++) {
            char c = path.charAt(i);
            boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            if (!word) {
                return false;
            }
        }
        return true;
    }
}
