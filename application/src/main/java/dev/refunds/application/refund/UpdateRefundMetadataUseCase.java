package dev.refunds.application.refund;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;

import java.util.Map;

/** A merchant sets or removes (value {@code ""}) metadata keys of a refund; nothing else about it changes. */
public interface UpdateRefundMetadataUseCase {
    Decision<RefundChange> update(BusinessId businessId, PaymentId paymentId, RefundId refundId,
                                  Map<String, String> updates);
}
