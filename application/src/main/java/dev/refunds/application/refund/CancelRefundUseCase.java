package dev.refunds.application.refund;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;

/** A merchant withdraws a refund that is waiting for review or not yet sent to the processor. */
public interface CancelRefundUseCase {
    Decision<RefundChange> cancel(BusinessId businessId, PaymentId paymentId, RefundId refundId);
}
