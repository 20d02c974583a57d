package dev.refunds.application.refund;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;

import java.util.List;
import java.util.Optional;

/** Reads refunds: a merchant's own, or (admin) every business's review queue. */
public interface FindRefundsUseCase {
    Optional<Refund> get(BusinessId businessId, PaymentId paymentId, RefundId refundId);

    /** The payment's refunds oldest first; empty when the business has no such payment. */
    Optional<List<Refund>> listForPayment(BusinessId businessId, PaymentId paymentId);

    /** The latest refund of the payment with this v2 {@code pay_id}; empty when there is none. */
    Optional<Refund> latestForPayId(BusinessId businessId, long payId);

    Page<Refund> list(BusinessId businessId, Optional<RefundStatus> status, PageRequest page);

    /** The business's refunds that pass the filter, newest first. */
    Page<Refund> list(BusinessId businessId, RefundFilter filter, PageRequest page);

    /** Admin: every business's refunds in a status, oldest first. */
    Page<Refund> listAll(RefundStatus status, PageRequest page);
}
