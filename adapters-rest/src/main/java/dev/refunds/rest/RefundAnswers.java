package dev.refunds.rest;

import dev.refunds.application.view.RefundView;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.RefundChange;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/** A refund decision as a v1/admin response: the refund on success, the mapped refusal otherwise. */
public final class RefundAnswers {
    private RefundAnswers() {
    }

    public static HttpResponse<?> of(Decision<RefundChange> decision, HttpStatus success) {
        return DecisionAnswers.of(decision, success, change -> RefundView.of(change.refund()));
    }
}
