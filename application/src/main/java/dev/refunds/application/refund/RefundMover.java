package dev.refunds.application.refund;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.Refusal;
import dev.refunds.domain.payment.RefusalCode;
import dev.refunds.domain.payment.Settlement;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Moves a refund to its next status inside the caller's transaction: lock the payment first (the one lock order
 * every writer follows, so writers cannot deadlock on each other), read the refund again under that lock, let
 * the payment decide, save.
 */
public final class RefundMover {
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final RefundWriter writer;

    public RefundMover(PaymentRepository payments, RefundRepository refunds, RefundWriter writer) {
        this.payments = payments;
        this.refunds = refunds;
        this.writer = writer;
    }

    public Decision<RefundChange> move(Refund seen, RefundStatus next, Optional<String> note, Instant now) {
        return move(seen, next, note, now, current -> Optional.empty());
    }

    /** Like {@link #move(Refund, RefundStatus, Optional, Instant)}, with one more rule checked under the lock. */
    public Decision<RefundChange> move(Refund seen, RefundStatus next, Optional<String> note, Instant now,
                                       Function<Refund, Optional<Refusal>> guard) {
        return change(seen, now, current -> guard.apply(current.refund())
                .<Decision<RefundChange>>map(Decision::refused)
                .orElseGet(() -> current.payment().moveRefund(current.refund(), next, note, now)));
    }

    /** Applies what the processor said, under the payment's lock like every other change. */
    public Decision<RefundChange> settle(Refund seen, Settlement settlement, Instant now) {
        return change(seen, now, current -> current.payment().settleRefund(current.refund(), settlement, now));
    }

    /**
     * Locks the payment, reads the refund again under that lock and saves what {@code decide} makes of the two,
     * if it accepts.
     */
    public Decision<RefundChange> change(Refund seen, Instant now,
                                         Function<RefundChange, Decision<RefundChange>> decide) {
        Payment payment = payments.lockById(seen.businessId(), seen.paymentId()).orElseThrow(
                () -> new IllegalStateException("refund " + seen.id() + " has no payment"));
        Optional<Refund> current = refunds.lockById(seen.businessId(), seen.id());
        if (current.isEmpty()) {
            return Decision.refused(RefusalCode.REFUND_NOT_FOUND, "No refund " + seen.id());
        }
        Decision<RefundChange> decision = decide.apply(new RefundChange(payment, current.get()));
        if (decision instanceof Decision.Accepted<RefundChange> accepted) {
            writer.moved(accepted.value(), now);
        }
        return decision;
    }
}
