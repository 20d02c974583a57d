package dev.refunds.application.refund;

import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.RefundChange;

/** Requests a refund: serialised per payment in the database, so the refunds never exceed the payment. */
public interface RequestRefundUseCase {
    Decision<RefundChange> handle(RequestRefundCommand command);
}
