package dev.refunds.application.payment;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;

import java.util.Optional;

public final class FindPaymentsService implements FindPaymentsUseCase {
    private final PaymentRepository payments;

    public FindPaymentsService(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public Optional<Payment> get(BusinessId businessId, PaymentId paymentId) {
        return payments.findById(businessId, paymentId);
    }

    @Override
    public Optional<Payment> getByPayId(BusinessId businessId, long payId) {
        return payments.findByPayId(businessId, payId);
    }

    @Override
    public Page<Payment> list(BusinessId businessId, Optional<PaymentStatus> status, PageRequest page) {
        return payments.list(businessId, status, page);
    }
}
