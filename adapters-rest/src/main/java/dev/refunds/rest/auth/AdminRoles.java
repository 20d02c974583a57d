package dev.refunds.rest.auth;

import dev.refunds.application.operator.OperatorRole;
import io.micronaut.http.HttpMethod;

import java.util.regex.Pattern;

/**
 * The roles matrix in one place: reads are for every operator (the operator list for {@code ADMIN}s); reviewing
 * refunds and handling disputes for {@code REVIEWER}s; every other write for {@code ADMIN}s only.
 */
final class AdminRoles {
    private static final Pattern REVIEWER_WRITES = Pattern.compile(
            "/api/admin/(refunds/[^/]+/(approve|reject)|payments/[^/]+/disputes|disputes/[^/]+/close)/?");
    private static final Pattern ADMIN_READS = Pattern.compile("/api/admin/operators/?");

    private AdminRoles() {
    }

    static OperatorRole required(HttpMethod method, String path) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (read) {
            return ADMIN_READS.matcher(path).matches() ? OperatorRole.ADMIN : OperatorRole.VIEWER;
        }
        return REVIEWER_WRITES.matcher(path).matches() ? OperatorRole.REVIEWER : OperatorRole.ADMIN;
    }
}
