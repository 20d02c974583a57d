package dev.refunds.application.refund;

import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.event.OutboxEvent;
import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.shared.GroupBatch;
import dev.refunds.application.shared.IdGenerator;
import dev.refunds.application.view.RefundEvent;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.payment.RefundChange;

import java.time.Instant;
import java.util.Optional;

/** Saves a refund change, its payment and the event announcing it, inside the caller's transaction. */
public final class RefundWriter {
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final EventOutbox outbox;
    private final IdGenerator ids;

    public RefundWriter(PaymentRepository payments, RefundRepository refunds, EventOutbox outbox, IdGenerator ids) {
        this.payments = payments;
        this.refunds = refunds;
        this.outbox = outbox;
        this.ids = ids;
    }

    public void created(RefundChange change, Instant now) {
        OutboxEvent event = RefundEvent.of(ids.newEventId(), RefundEventType.REFUND_CREATED, change, now);
        Optional<PendingRefunds> pending = pending();
        if (pending.isPresent()) {
            pending.get().created(change.refund(), change.payment(), event);
            return;
        }
        refunds.insert(change.refund());
        payments.update(change.payment());
        outbox.append(event);
    }

    /** Inside a group-commit batch: the refunds it creates, written at its end. */
    Optional<PendingRefunds> pending() {
        return GroupBatch.current().map(batch -> batch.state(PendingRefunds.class, PendingRefunds::new,
                pending -> pending.write(refunds, payments, outbox)));
    }

    /** The refund's metadata changed; nothing else did. */
    public void updated(RefundChange change, Instant now) {
        refunds.update(change.refund());
        outbox.append(RefundEvent.of(ids.newEventId(), RefundEventType.REFUND_UPDATED, change, now));
    }

    public void moved(RefundChange change, Instant now) {
        refunds.update(change.refund());
        payments.update(change.payment());
        outbox.append(RefundEvent.of(ids.newEventId(), RefundEvent.typeFor(change.refund().status()), change, now));
    }
}
