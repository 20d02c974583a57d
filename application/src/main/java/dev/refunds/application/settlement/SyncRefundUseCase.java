package dev.refunds.application.settlement;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;

/** A merchant asks that the processor be asked about a refund now, instead of at the worker's next check. */
public interface SyncRefundUseCase {
    /** The refund after what the processor said was applied; refused when it is not with the processor. */
    Decision<RefundChange> sync(BusinessId businessId, PaymentId paymentId, RefundId refundId);
}
