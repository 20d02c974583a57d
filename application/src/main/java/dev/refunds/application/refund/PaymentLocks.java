package dev.refunds.application.refund;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Payment;

import java.util.Optional;

/** Locks the payment a request names, by either kind of id. */
final class PaymentLocks {
    private PaymentLocks() {
    }

    static Optional<Payment> lock(PaymentRepository payments, BusinessId businessId, PaymentRef ref) {
        if (ref instanceof PaymentRef.ById byId) {
            return payments.lockById(businessId, byId.id());
        }
        return payments.lockByPayId(businessId, ((PaymentRef.ByPayId) ref).payId());
    }
}
