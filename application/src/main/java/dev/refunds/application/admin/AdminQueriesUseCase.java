package dev.refunds.application.admin;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;

import java.util.Optional;

/** What operators read across businesses: refund search, payment detail, businesses, disputes. */
public interface AdminQueriesUseCase {
    Page<Refund> searchRefunds(RefundSearch search, PageRequest page);

    Optional<PaymentDetail> payment(PaymentId paymentId);

    Page<Business> businesses(PageRequest page);

    Page<Dispute> disputes(Optional<DisputeStatus> status, PageRequest page);
}
