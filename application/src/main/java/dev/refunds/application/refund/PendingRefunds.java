package dev.refunds.application.refund;

import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.event.OutboxEvent;
import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The refunds a group-commit batch creates, kept until its end: each payment is locked and read once and then
 * seen in its latest state by every later request of the batch; the refunds and their events are written together
 * at the end, in the order they were created, and each changed payment is updated once, in its last state.
 */
final class PendingRefunds {
    private record Named(BusinessId business, PaymentRef ref) {
    }

    private final Map<Named, PaymentId> locks = new HashMap<>();
    private final Map<PaymentId, Payment> latest = new LinkedHashMap<>();
    private final Set<PaymentId> changed = new LinkedHashSet<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final List<OutboxEvent> events = new ArrayList<>();

    /** The payment, locked by the first request of the batch that names it, as the batch has changed it. */
    Optional<Payment> lock(PaymentRepository payments, BusinessId business, PaymentRef ref) {
        Named named = new Named(business, ref);
        PaymentId known = locks.get(named);
        if (known != null) {
            return Optional.of(latest.get(known));
        }
        Optional<Payment> read = PaymentLocks.lock(payments, business, ref);
        read.ifPresent(payment -> {
            latest.putIfAbsent(payment.id(), payment);   // named by its other id before: the batch's state wins
            locks.put(named, payment.id());
        });
        return read.map(payment -> latest.get(payment.id()));
    }

    void created(Refund refund, Payment payment, OutboxEvent event) {
        refunds.add(refund);
        latest.put(payment.id(), payment);
        changed.add(payment.id());
        events.add(event);
    }

    void write(RefundRepository refundRows, PaymentRepository payments, EventOutbox outbox) {
        refundRows.insertAll(refunds);
        changed.forEach(id -> payments.update(latest.get(id)));
        outbox.appendAll(events);
    }
}
