package dev.refunds.application.payment;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;

import java.util.Optional;

/** Payments of one business at a time: every query takes the tenant, so none can forget it. */
public interface PaymentRepository {
    void insert(Payment payment);

    void update(Payment payment);

    Optional<Payment> findById(BusinessId businessId, PaymentId id);

    /** Loads the payment and holds a write lock on its row until the surrounding transaction ends. */
    Optional<Payment> lockById(BusinessId businessId, PaymentId id);

    /** Any business's payment, locked: for admin endpoints only. */
    Optional<Payment> lockAnyById(PaymentId id);

    /** Like {@link #lockById} for the numeric id v2 clients use. */
    Optional<Payment> lockByPayId(BusinessId businessId, long payId);

    Optional<Payment> findByPayId(BusinessId businessId, long payId);

    /** Newest first; {@link dev.refunds.application.InvalidInputException} when {@code startingAfter} is not one of this business's. */
    Page<Payment> list(BusinessId businessId, Optional<PaymentStatus> status, PageRequest page);
}
