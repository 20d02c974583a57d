package dev.refunds.application.payment;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;

import java.util.Optional;

/** Reads a business's payments. */
public interface FindPaymentsUseCase {
    Optional<Payment> get(BusinessId businessId, PaymentId paymentId);

    /** By the numeric id v2 clients use. */
    Optional<Payment> getByPayId(BusinessId businessId, long payId);

    /** Newest first; an unknown cursor throws {@link dev.refunds.application.InvalidInputException}. */
    Page<Payment> list(BusinessId businessId, Optional<PaymentStatus> status, PageRequest page);
}
