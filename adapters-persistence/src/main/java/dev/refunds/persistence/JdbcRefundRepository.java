package dev.refunds.persistence;

import dev.refunds.application.refund.RefundFilter;
import dev.refunds.application.refund.RefundRepository;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcRefundRepository implements RefundRepository {
    private final RefundRows rows;

    JdbcRefundRepository(RefundRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(Refund refund) {
        rows.save(RefundRow.of(refund));
    }

    @Override
    public void insertAll(List<Refund> refunds) {
        if (!refunds.isEmpty()) {
            rows.saveAll(refunds.stream().map(RefundRow::of).toList());   // one JDBC batch
        }
    }

    @Override
    public void update(Refund refund) {
        rows.update(RefundRow.of(refund));
    }

    @Override
    public Optional<Refund> findById(BusinessId businessId, RefundId id) {
        return rows.find(businessId.value(), id.value()).map(RefundRow::toDomain);
    }

    @Override
    public Optional<Refund> lockById(BusinessId businessId, RefundId id) {
        return rows.lock(businessId.value(), id.value()).map(RefundRow::toDomain);
    }

    @Override
    public Optional<Refund> findAnyById(RefundId id) {
        return rows.findAny(id.value()).map(RefundRow::toDomain);
    }

    @Override
    public List<Refund> listForPayment(BusinessId businessId, PaymentId paymentId) {
        return rows.forPayment(businessId.value(), paymentId.value()).stream().map(RefundRow::toDomain).toList();
    }

    @Override
    public Optional<Refund> findLatestForPayment(BusinessId businessId, PaymentId paymentId) {
        return rows.latestForPayment(businessId.value(), paymentId.value()).map(RefundRow::toDomain);
    }

    @Override
    public Page<Refund> list(BusinessId businessId, Optional<RefundStatus> status, PageRequest page) {
        String business = businessId.value();
        long before = Pages.cursorSeq(page, cursor -> rows.findSeq(business, cursor), Long.MAX_VALUE);
        int fetch = page.limit() + 1;
        List<RefundRow> found = status.isEmpty()
                ? rows.pageBefore(business, before, fetch)
                : rows.pageBeforeWithStatus(business, status.get().name(), before, fetch);
        return Pages.of(found, page, RefundRow::toDomain);
    }

    @Override
    public Page<Refund> list(BusinessId businessId, RefundFilter filter, PageRequest page) {
        String business = businessId.value();
        long before = Pages.cursorSeq(page, cursor -> rows.findSeq(business, cursor), Long.MAX_VALUE);
        List<RefundRow> found = rows.pageBeforeFiltered(business, before,
                filter.status().map(RefundStatus::name).orElse(null),
                filter.paymentId().map(PaymentId::value).orElse(null), filter.merchantRef().orElse(null),
                filter.createdFrom().map(Times::millis).orElse(null),
                filter.createdTo().map(Times::millis).orElse(null),
                page.limit() + 1);
        return Pages.of(found, page, RefundRow::toDomain);
    }

    @Override
    public Page<Refund> listAll(RefundStatus status, PageRequest page) {
        long after = Pages.cursorSeq(page, cursor -> rows.findSeqWithStatus(cursor, status.name()), 0L);
        return Pages.of(rows.allPageAfter(status.name(), after, page.limit() + 1), page, RefundRow::toDomain);
    }
}
