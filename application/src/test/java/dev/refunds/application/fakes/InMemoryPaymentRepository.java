package dev.refunds.application.fakes;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Payments in memory. Lists follow the order payments were stored, as the database's {@code seq} orders them.
 * Locks are only recorded ({@link #locked()}), since one thread needs no real lock.
 */
public final class InMemoryPaymentRepository implements PaymentRepository, Snapshottable {
    private final Map<PaymentId, Row> rows = new LinkedHashMap<>();
    private final List<PaymentId> locked = new ArrayList<>();
    private final WriteGuard guard = new WriteGuard();
    private long nextSeq;
    private Runnable beforeNextLock;

    private record Row(long seq, Payment payment) {
    }

    @Override
    public void insert(Payment payment) {
        guard.check("payment insert");
        if (rows.containsKey(payment.id())) {
            throw new IllegalStateException("duplicate payment " + payment.id());
        }
        if (rows.values().stream().anyMatch(row -> row.payment().payId() == payment.payId())) {
            throw new IllegalStateException("duplicate payId " + payment.payId());
        }
        rows.put(payment.id(), new Row(nextSeq++, payment));
    }

    @Override
    public void update(Payment payment) {
        guard.check("payment update");
        Row old = rows.get(payment.id());
        if (old == null) {
            throw new IllegalStateException("update of unknown payment " + payment.id());
        }
        if (!old.payment().businessId().equals(payment.businessId()) || old.payment().payId() != payment.payId()) {
            throw new IllegalStateException("payment " + payment.id() + " changed its business or payId");
        }
        rows.put(payment.id(), new Row(old.seq(), payment));
    }

    @Override
    public Optional<Payment> findById(BusinessId businessId, PaymentId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::payment)
                .filter(payment -> payment.businessId().equals(businessId));
    }

    @Override
    public Optional<Payment> lockById(BusinessId businessId, PaymentId id) {
        waitForLock();
        return recordLock(findById(businessId, id));
    }

    @Override
    public Optional<Payment> lockAnyById(PaymentId id) {
        waitForLock();
        return recordLock(Optional.ofNullable(rows.get(id)).map(Row::payment));
    }

    @Override
    public Optional<Payment> lockByPayId(BusinessId businessId, long payId) {
        waitForLock();
        return recordLock(findByPayId(businessId, payId));
    }

    /**
     * Runs {@code otherTransaction} when the next lock is asked for, before the row is read: as if another
     * transaction held the lock, committed, and only then let this one in.
     */
    public void beforeNextLock(Runnable otherTransaction) {
        beforeNextLock = otherTransaction;
    }

    @Override
    public Optional<Payment> findByPayId(BusinessId businessId, long payId) {
        return rows.values().stream().map(Row::payment)
                .filter(payment -> payment.payId() == payId && payment.businessId().equals(businessId))
                .findFirst();
    }

    @Override
    public Page<Payment> list(BusinessId businessId, Optional<PaymentStatus> status, PageRequest page) {
        List<Payment> newestFirst = rows.values().stream()
                .filter(row -> row.payment().businessId().equals(businessId))
                .sorted(Comparator.comparingLong(Row::seq).reversed())
                .map(Row::payment)
                .toList();
        return Pages.page(newestFirst, payment -> payment.id().value(),
                payment -> status.map(wanted -> payment.status() == wanted).orElse(true), page);
    }

    /** The stored payment, whatever its business (for assertions). */
    public Optional<Payment> get(PaymentId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::payment);
    }

    /** Every payment, in insertion order. */
    public List<Payment> all() {
        return rows.values().stream().map(Row::payment).toList();
    }

    /** The ids of every payment locked so far, in order. */
    public List<PaymentId> locked() {
        return List.copyOf(locked);
    }

    public void guardWritesWith(BooleanSupplier inTransaction) {
        guard.guardWith(inTransaction);
    }

    @Override
    public Runnable snapshot() {
        Map<PaymentId, Row> copy = new LinkedHashMap<>(rows);
        long seq = nextSeq;
        return () -> {
            rows.clear();
            rows.putAll(copy);
            nextSeq = seq;
        };
    }

    private void waitForLock() {
        Runnable other = beforeNextLock;
        beforeNextLock = null;
        if (other != null) {
            other.run();
        }
    }

    private Optional<Payment> recordLock(Optional<Payment> found) {
        found.ifPresent(payment -> locked.add(payment.id()));
        return found;
    }
}
