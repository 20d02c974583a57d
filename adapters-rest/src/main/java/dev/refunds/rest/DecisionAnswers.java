package dev.refunds.rest;

import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Refusal;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.function.Function;

/**
 * The one mapping of a domain decision to an HTTP answer: the accepted value's view in the success envelope with
 * {@code success}, or the refusal as an error envelope.
 */
public final class DecisionAnswers {
    private DecisionAnswers() {
    }

    public static <T> HttpResponse<?> of(Decision<T> decision, HttpStatus success, Function<? super T, ?> view) {
        return of(decision, success, view, Errors::refused);
    }

    /** With the refusals answered another way (v2 has the SecPaid document's own messages). */
    public static <T> HttpResponse<?> of(Decision<T> decision, HttpStatus success, Function<? super T, ?> view,
                                         Function<? super Refusal, ? extends HttpResponse<?>> refused) {
        return decision.<HttpResponse<?>>fold(
                value -> HttpResponse.status(success).body(SuccessEnvelope.of(view.apply(value))), refused);
    }
}
