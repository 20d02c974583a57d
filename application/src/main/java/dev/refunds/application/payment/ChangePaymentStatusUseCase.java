package dev.refunds.application.payment;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;

/** The sandbox's "customer paid" and the merchant's "withdraw an unpaid link". */
public interface ChangePaymentStatusUseCase {
    Decision<Payment> complete(BusinessId businessId, PaymentId paymentId);

    Decision<Payment> cancel(BusinessId businessId, PaymentId paymentId);
}
