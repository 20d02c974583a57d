package dev.refunds.rest;

import dev.refunds.application.view.RefundView;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.rest.error.Errors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/** A refund decision as a v1/admin response: the refund on success, the mapped refusal otherwise. */
public final class RefundAnswers {
    private RefundAnswers() {
    }

    public static HttpResponse<?> of(Decision<RefundChange> decision, HttpStatus success) {
        if (decision instanceof Decision.Accepted<RefundChange> accepted) {
            return HttpResponse.status(success).body(SuccessEnvelope.of(RefundView.of(accepted.value().refund())));
        }
        return Errors.refused(((Decision.Refused<RefundChange>) decision).refusal());
    }
}
