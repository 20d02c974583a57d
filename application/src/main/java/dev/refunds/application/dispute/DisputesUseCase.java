package dev.refunds.application.dispute;

import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.DisputeChange;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.PaymentId;

/** Admin: a customer disputes a payment; the dispute is later won or lost. */
public interface DisputesUseCase {
    Decision<DisputeChange> open(PaymentId paymentId, String reason);

    /** {@code outcome} is {@code WON} or {@code LOST}. */
    Decision<DisputeChange> close(DisputeId disputeId, DisputeStatus outcome);
}
