package dev.refunds.application.settlement;

import dev.refunds.application.port.PaymentProcessor;
import dev.refunds.application.port.PaymentProcessor.ProcessorStatus;
import dev.refunds.application.port.PaymentRepository;
import dev.refunds.application.port.SettlementQueue;
import dev.refunds.application.port.Transactions;
import dev.refunds.application.refund.RefundMover;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends {@code INITIATED} refunds to the processor and asks it about {@code PROCESSING} ones until they settle.
 * Safe with any number of workers on one database: a send is claimed under the payment's lock, a check by a
 * compare-and-set on its due time, and every status change re-reads the refund under the lock.
 */
public final class SettlementService implements SettleRefundsUseCase {
    private static final System.Logger LOG = System.getLogger(SettlementService.class.getName());

    private final SettlementQueue queue;
    private final PaymentProcessor processor;
    private final PaymentRepository payments;
    private final RefundMover mover;
    private final Transactions transactions;
    private final Clock clock;
    private final SettlementSettings settings;

    public SettlementService(SettlementQueue queue, PaymentProcessor processor, PaymentRepository payments,
                             RefundMover mover, Transactions transactions, Clock clock, SettlementSettings settings) {
        this.queue = queue;
        this.processor = processor;
        this.payments = payments;
        this.mover = mover;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public int sendDue() {
        int sent = 0;
        for (Refund refund : queue.dueForSending(clock.instant(), settings.batchSize())) {
            try {
                if (claim(refund)) {
                    send(refund);
                    sent++;
                }
            } catch (RuntimeException e) {
                // The claim's lease runs out and a later pass sends it again, with the same idempotency key.
                LOG.log(System.Logger.Level.WARNING, "sending refund " + refund.id() + " failed; will retry", e);
            }
        }
        return sent;
    }

    @Override
    public int checkDue() {
        int checked = 0;
        Instant now = clock.instant();
        for (SettlementQueue.DueCheck due : queue.dueForCheck(now, settings.batchSize())) {
            Instant next = now.plus(settings.checkBackoff(due.attempts() + 1));
            try {
                if (queue.claimCheck(due.refund().id(), due.dueAt(), next)) {
                    check(due.refund());
                    checked++;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "checking refund " + due.refund().id() + " failed; will retry", e);
            }
        }
        return checked;
    }

    private boolean claim(Refund refund) {
        return transactions.inTransaction(() -> {
            Optional<Payment> locked = payments.lockById(refund.businessId(), refund.paymentId());
            Instant now = clock.instant();
            return locked.isPresent() && queue.claimForSending(refund.id(), now, now.plus(settings.sendLease()));
        });
    }

    /** The processor call happens outside any transaction; only its outcome is written, under the lock. */
    private void send(Refund refund) {
        processor.submit(refund.id(), refund.amount());
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (mover.move(refund, RefundStatus.PROCESSING, Optional.empty(), now).isAccepted()) {
                queue.scheduleCheck(refund.id(), now.plus(settings.firstCheckAfter()));
            }
            return null;
        });
    }

    private void check(Refund refund) {
        ProcessorStatus status = processor.status(refund.id());
        if (status instanceof ProcessorStatus.Succeeded) {
            move(refund, RefundStatus.COMPLETED, Optional.empty());
        } else if (status instanceof ProcessorStatus.Failed failed) {
            move(refund, RefundStatus.FAILED, Optional.of(failed.reason()));
        } else if (status instanceof ProcessorStatus.Unknown) {
            processor.submit(refund.id(), refund.amount());   // the send was lost; same key, so at most one refund
        }
    }

    private void move(Refund refund, RefundStatus next, Optional<String> note) {
        transactions.inTransaction(() -> mover.move(refund, next, note, clock.instant()));
    }

    /** How fast the worker goes; every number bounded. */
    public record SettlementSettings(int batchSize, Duration sendLease, Duration firstCheckAfter,
                                     Duration checkEvery, Duration checkEveryMax) {
        public SettlementSettings {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batchSize must be 1-1000");
            }
        }

        /**
         * The wait after the {@code attempt}-th check (1, 2, …): {@code checkEvery}, then doubling up to
         * {@code checkEveryMax}, so a slow refund is asked less often.
         */
        Duration checkBackoff(int attempt) {
            Duration delay = checkEvery.multipliedBy(1L << Math.min(Math.max(attempt, 1) - 1, 16));
            return delay.compareTo(checkEveryMax) > 0 ? checkEveryMax : delay;
        }
    }
}
