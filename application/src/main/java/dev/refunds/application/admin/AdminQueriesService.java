package dev.refunds.application.admin;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;

import java.util.Optional;

public final class AdminQueriesService implements AdminQueriesUseCase {
    private final AdminSearch search;

    public AdminQueriesService(AdminSearch search) {
        this.search = search;
    }

    @Override
    public Page<Refund> searchRefunds(RefundSearch filters, PageRequest page) {
        return search.refunds(filters, page);
    }

    @Override
    public Optional<PaymentDetail> payment(PaymentId paymentId) {
        return search.payment(paymentId);
    }

    @Override
    public Page<Business> businesses(PageRequest page) {
        return search.businesses(page);
    }

    @Override
    public Page<Dispute> disputes(Optional<DisputeStatus> status, PageRequest page) {
        return search.disputes(status, page);
    }
}
