package dev.refunds.rest.error;

import dev.refunds.application.InvalidInputException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Bad input found past the edge (an unknown cursor, say): {@code 400 VALIDATION_ERROR} naming the field. */
@Singleton
@Produces
final class InvalidInputHandler implements ExceptionHandler<InvalidInputException, HttpResponse<ErrorEnvelope>> {
    @Override
    public HttpResponse<ErrorEnvelope> handle(HttpRequest request, InvalidInputException exception) {
        return Errors.invalid(exception.field(), exception.getMessage());
    }
}
