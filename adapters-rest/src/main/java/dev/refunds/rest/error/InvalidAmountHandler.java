package dev.refunds.rest.error;

import dev.refunds.domain.money.InvalidAmountException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An amount that is not one of the payment's currency, found once the payment is known. */
@Singleton
@Produces
final class InvalidAmountHandler implements ExceptionHandler<InvalidAmountException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, InvalidAmountException exception) {
        return Errors.invalid("amount", exception.getMessage());
    }
}
