package dev.refunds.rest.auth;

import dev.refunds.application.business.AuthenticateMerchantUseCase;
import dev.refunds.domain.business.Business;
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

/** v1 and v2 need {@code Client-Id}, {@code Business-Id} and {@code X-Api-Key}; anything less is a 401. */
@ServerFilter({"/api/v1/**", "/api/v2/**"})
final class MerchantAuthFilter {
    private final AuthenticateMerchantUseCase authenticate;

    MerchantAuthFilter(AuthenticateMerchantUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<ErrorEnvelope> authenticate(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        Optional<Business> merchant = authenticate.authenticate(headers.get(Merchants.CLIENT_ID_HEADER),
                headers.get(Merchants.BUSINESS_ID_HEADER), headers.get(Merchants.API_KEY_HEADER));
        if (merchant.isEmpty()) {
            return Errors.of(ErrorCode.UNAUTHORIZED,
                    "Client-Id, Business-Id and X-Api-Key must name a business and its API key");
        }
        request.setAttribute(Merchants.ATTRIBUTE, merchant.get());
        return null;
    }
}
