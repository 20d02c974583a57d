package dev.refunds.application.admin;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;

import java.util.Optional;

/** Reads across businesses, for operators only. */
public interface AdminSearch {
    /** Newest first, or oldest first for the review queue ({@link RefundSearch#oldestFirst()}). */
    Page<Refund> refunds(RefundSearch search, PageRequest page);

    /** Newest first. */
    Page<Business> businesses(PageRequest page);

    /** Newest first; every status when {@code status} is empty. */
    Page<Dispute> disputes(Optional<DisputeStatus> status, PageRequest page);

    Optional<PaymentDetail> payment(PaymentId paymentId);
}
