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

/** Refunds; changes happen only while the payment's row is locked, so refund rows need no lock of their own. */
public interface RefundRepository {
    void insert(Refund refund);

    /** Several new refunds, in this order; a store that can writes them in one statement. */
    default void insertAll(List<Refund> refunds) {
        refunds.forEach(this::insert);
    }

    void update(Refund refund);

    Optional<Refund> findById(BusinessId businessId, RefundId id);

    /**
     * Reads the refund with a lock on its row. Writers call it with the payment already locked: a locking read
     * sees the latest committed row whatever the isolation level, where a plain read may see an older snapshot.
     */
    Optional<Refund> lockById(BusinessId businessId, RefundId id);

    /** Any business's refund: for admin endpoints only. */
    Optional<Refund> findAnyById(RefundId id);

    /** The payment's refunds, oldest first. */
    List<Refund> listForPayment(BusinessId businessId, PaymentId paymentId);

    /** The latest refund of a payment (v2's refundStatus). */
    Optional<Refund> findLatestForPayment(BusinessId businessId, PaymentId paymentId);

    /** The business's refunds, newest first; an unknown cursor throws {@code InvalidInputException}. */
    Page<Refund> list(BusinessId businessId, Optional<RefundStatus> status, PageRequest page);

    /** The business's refunds that pass the filter, newest first; an unknown cursor throws as above. */
    Page<Refund> list(BusinessId businessId, RefundFilter filter, PageRequest page);

    /** Every business's refunds in a status, oldest first (the admin review queue). */
    Page<Refund> listAll(RefundStatus status, PageRequest page);
}
