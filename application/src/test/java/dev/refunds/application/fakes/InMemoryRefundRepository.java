package dev.refunds.application.fakes;

import dev.refunds.application.refund.RefundFilter;
import dev.refunds.application.refund.RefundRepository;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Refunds in memory, in the order they were stored, as the database's {@code seq} orders them. */
public final class InMemoryRefundRepository implements RefundRepository, Snapshottable {
    private final Map<RefundId, Row> rows = new LinkedHashMap<>();
    private final WriteGuard guard = new WriteGuard();
    private long nextSeq;

    private record Row(long seq, Refund refund) {
    }

    private static final Comparator<Row> OLDEST_FIRST = Comparator.comparingLong(Row::seq);

    @Override
    public void insert(Refund refund) {
        guard.check("refund insert");
        if (rows.containsKey(refund.id())) {
            throw new IllegalStateException("duplicate refund " + refund.id());
        }
        rows.put(refund.id(), new Row(nextSeq++, refund));
    }

    @Override
    public void update(Refund refund) {
        guard.check("refund update");
        Row old = rows.get(refund.id());
        if (old == null) {
            throw new IllegalStateException("update of unknown refund " + refund.id());
        }
        if (!old.refund().paymentId().equals(refund.paymentId())
                || !old.refund().businessId().equals(refund.businessId())
                || !old.refund().amount().equals(refund.amount())) {
            throw new IllegalStateException("refund " + refund.id() + " changed its payment, business or amount");
        }
        rows.put(refund.id(), new Row(old.seq(), refund));
    }

    @Override
    public Optional<Refund> findById(BusinessId businessId, RefundId id) {
        return findAnyById(id).filter(refund -> refund.businessId().equals(businessId));
    }

    /** In memory every read is current; the lock is the caller's payment lock. */
    @Override
    public Optional<Refund> lockById(BusinessId businessId, RefundId id) {
        return findById(businessId, id);
    }

    @Override
    public Optional<Refund> findAnyById(RefundId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::refund);
    }

    @Override
    public List<Refund> listForPayment(BusinessId businessId, PaymentId paymentId) {
        return rows.values().stream()
                .filter(row -> row.refund().businessId().equals(businessId)
                        && row.refund().paymentId().equals(paymentId))
                .sorted(OLDEST_FIRST)
                .map(Row::refund)
                .toList();
    }

    @Override
    public Optional<Refund> findLatestForPayment(BusinessId businessId, PaymentId paymentId) {
        List<Refund> oldestFirst = listForPayment(businessId, paymentId);
        return oldestFirst.isEmpty() ? Optional.empty() : Optional.of(oldestFirst.get(oldestFirst.size() - 1));
    }

    @Override
    public Page<Refund> list(BusinessId businessId, Optional<RefundStatus> status, PageRequest page) {
        List<Refund> newestFirst = rows.values().stream()
                .filter(row -> row.refund().businessId().equals(businessId))
                .sorted(OLDEST_FIRST.reversed())
                .map(Row::refund)
                .toList();
        return Pages.page(newestFirst, refund -> refund.id().value(),
                refund -> status.map(wanted -> refund.status() == wanted).orElse(true), page);
    }

    @Override
    public Page<Refund> list(BusinessId businessId, RefundFilter filter, PageRequest page) {
        List<Refund> newestFirst = rows.values().stream()
                .filter(row -> row.refund().businessId().equals(businessId))
                .sorted(OLDEST_FIRST.reversed())
                .map(Row::refund)
                .toList();
        return Pages.page(newestFirst, refund -> refund.id().value(), refund -> passes(filter, refund), page);
    }

    private static boolean passes(RefundFilter filter, Refund refund) {
        return filter.status().map(wanted -> refund.status() == wanted).orElse(true)
                && filter.paymentId().map(wanted -> refund.paymentId().equals(wanted)).orElse(true)
                && filter.merchantRef().map(wanted -> refund.merchantRef().equals(Optional.of(wanted))).orElse(true)
                && filter.createdFrom().map(from -> !refund.initiatedAt().isBefore(from)).orElse(true)
                && filter.createdTo().map(to -> refund.initiatedAt().isBefore(to)).orElse(true);
    }

    @Override
    public Page<Refund> listAll(RefundStatus status, PageRequest page) {
        List<Refund> oldestFirst = rows.values().stream().sorted(OLDEST_FIRST).map(Row::refund).toList();
        return Pages.page(oldestFirst, refund -> refund.id().value(), refund -> refund.status() == status, page);
    }

    /** The stored refund, whatever its business (for assertions). */
    public Optional<Refund> get(RefundId id) {
        return findAnyById(id);
    }

    /** Every refund, in insertion order. */
    public List<Refund> all() {
        return rows.values().stream().map(Row::refund).toList();
    }

    public void guardWritesWith(BooleanSupplier inTransaction) {
        guard.guardWith(inTransaction);
    }

    @Override
    public Runnable snapshot() {
        Map<RefundId, Row> copy = new LinkedHashMap<>(rows);
        long seq = nextSeq;
        return () -> {
            rows.clear();
            rows.putAll(copy);
            nextSeq = seq;
        };
    }
}
