package dev.refunds.rest.auth;

import dev.refunds.application.port.AdminAuthenticator;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.ErrorEnvelope;
import dev.refunds.rest.error.Errors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Admin and management endpoints ({@code /metrics}) take {@code Authorization: Bearer <admin token>}; merchant
 * credentials never open them. {@code /health} stays open for load balancers.
 */
@ServerFilter({"/api/admin/**", "/metrics"})
final class AdminAuthFilter {
    private static final String BEARER = "Bearer ";

    private final AdminAuthenticator admins;

    AdminAuthFilter(AdminAuthenticator admins) {
        this.admins = admins;
    }

    @RequestFilter
    @Nullable
    HttpResponse<ErrorEnvelope> authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith(BEARER)
                || !admins.isAdminToken(authorization.substring(BEARER.length()))) {
            return Errors.of(ErrorCode.UNAUTHORIZED, "Admin endpoints need Authorization: Bearer <admin token>");
        }
        return null;
    }
}
