package dev.refunds.persistence;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcPaymentRepository implements PaymentRepository {
    private final PaymentRows rows;

    JdbcPaymentRepository(PaymentRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(Payment payment) {
        rows.save(PaymentRow.of(payment));
    }

    @Override
    public void update(Payment payment) {
        rows.update(PaymentRow.of(payment));
    }

    @Override
    public Optional<Payment> findById(BusinessId businessId, PaymentId id) {
        return rows.find(businessId.value(), id.value()).map(PaymentRow::toDomain);
    }

    @Override
    public Optional<Payment> lockById(BusinessId businessId, PaymentId id) {
        return rows.lock(businessId.value(), id.value()).map(PaymentRow::toDomain);
    }

    @Override
    public Optional<Payment> lockAnyById(PaymentId id) {
        return rows.lockAny(id.value()).map(PaymentRow::toDomain);
    }

    @Override
    public Optional<Payment> lockByPayId(BusinessId businessId, long payId) {
        return rows.lockByPayId(businessId.value(), payId).map(PaymentRow::toDomain);
    }

    @Override
    public Optional<Payment> findByPayId(BusinessId businessId, long payId) {
        return rows.findByPayId(businessId.value(), payId).map(PaymentRow::toDomain);
    }

    @Override
    public Page<Payment> list(BusinessId businessId, Optional<PaymentStatus> status, PageRequest page) {
        String business = businessId.value();
        long before = Pages.cursorSeq(page, cursor -> rows.findSeq(business, cursor), Long.MAX_VALUE);
        int fetch = page.limit() + 1;
        List<PaymentRow> found = status.isEmpty()
                ? rows.pageBefore(business, before, fetch)
                : rows.pageBeforeWithStatus(business, status.get().name(), before, fetch);
        return Pages.of(found, page, PaymentRow::toDomain);
    }
}
