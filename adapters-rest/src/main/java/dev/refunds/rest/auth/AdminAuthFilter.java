package dev.refunds.rest.auth;

import dev.refunds.application.operator.Operator;
import dev.refunds.application.operator.OperatorRole;
import dev.refunds.application.operator.OperatorsUseCase;
import dev.refunds.rest.error.ErrorCode;
import dev.refunds.rest.error.ErrorEnvelope;
import dev.refunds.rest.error.Errors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/**
 * Admin and management endpoints ({@code /metrics}) take {@code Authorization: Bearer <operator token>}; merchant
 * credentials never open them. {@code /health} stays open for load balancers. The token is looked up in the
 * database on every request (no cache), so a revoked operator is shut out at once on every instance; an act
 * outside the operator's role is a 403.
 */
@ServerFilter({"/api/admin/**", "/metrics"})
final class AdminAuthFilter {
    private static final String BEARER = "Bearer ";

    private final OperatorsUseCase operators;

    AdminAuthFilter(OperatorsUseCase operators) {
        this.operators = operators;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<ErrorEnvelope> authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<Operator> operator = authorization == null || !authorization.startsWith(BEARER)
                ? Optional.empty() : operators.authenticate(authorization.substring(BEARER.length()));
        if (operator.isEmpty()) {
            return Errors.of(ErrorCode.UNAUTHORIZED,
                    "Admin endpoints need Authorization: Bearer <operator token> of an operator who is not revoked");
        }
        OperatorRole needed = AdminRoles.required(request.getMethod(), request.getPath());
        if (!operator.get().role().covers(needed)) {
            return Errors.of(ErrorCode.FORBIDDEN, "Operator " + operator.get().name() + " is a "
                    + operator.get().role() + "; this needs " + needed);
        }
        request.setAttribute(Operators.ATTRIBUTE, operator.get());
        return null;
    }
}
