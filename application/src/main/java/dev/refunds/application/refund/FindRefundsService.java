package dev.refunds.application.refund;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;

import java.util.List;
import java.util.Optional;

public final class FindRefundsService implements FindRefundsUseCase {
    private final PaymentRepository payments;
    private final RefundRepository refunds;

    public FindRefundsService(PaymentRepository payments, RefundRepository refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @Override
    public Optional<Refund> get(BusinessId businessId, PaymentId paymentId, RefundId refundId) {
        return refunds.findById(businessId, refundId).filter(refund -> refund.paymentId().equals(paymentId));
    }

    @Override
    public Optional<List<Refund>> listForPayment(BusinessId businessId, PaymentId paymentId) {
        return payments.findById(businessId, paymentId)
                .map(payment -> refunds.listForPayment(businessId, payment.id()));
    }

    @Override
    public Optional<Refund> latestForPayId(BusinessId businessId, long payId) {
        return payments.findByPayId(businessId, payId)
                .flatMap(payment -> refunds.findLatestForPayment(businessId, payment.id()));
    }

    @Override
    public Page<Refund> list(BusinessId businessId, Optional<RefundStatus> status, PageRequest page) {
        return refunds.list(businessId, status, page);
    }

    @Override
    public Page<Refund> list(BusinessId businessId, RefundFilter filter, PageRequest page) {
        return filter.statusOnly() ? refunds.list(businessId, filter.status(), page)
                : refunds.list(businessId, filter, page);
    }

    @Override
    public Page<Refund> listAll(RefundStatus status, PageRequest page) {
        return refunds.listAll(status, page);
    }
}
