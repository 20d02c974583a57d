package dev.refunds.application.settlement;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.refund.RefundMover;
import dev.refunds.application.shared.BoundedExecutor;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.Settlement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Sends {@code INITIATED} refunds to the processor and asks it about {@code PROCESSING} ones until they settle,
 * then about {@code COMPLETED} ones until their reversal window is over.
 * Safe with any number of workers on one database: a send is claimed under the payment's lock, a check by a
 * compare-and-set on its due time, and every status change re-reads the refund under the lock. The refunds of a
 * batch run on the {@code workers} executor (a processor call takes its time; several run at once), and a pass
 * returns when its batch is done.
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
    private final BoundedExecutor workers;
    private final ProcessorAnswers answers;

    public SettlementService(SettlementQueue queue, PaymentProcessor processor, PaymentRepository payments,
                             RefundMover mover, Transactions transactions, Clock clock, SettlementSettings settings,
                             BoundedExecutor workers) {
        this.queue = queue;
        this.processor = processor;
        this.payments = payments;
        this.mover = mover;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.workers = workers;
        this.answers = new ProcessorAnswers(processor, mover, transactions, clock);
    }

    @Override
    public int sendDue() {
        return onWorkers(queue.dueForSending(clock.instant(), settings.batchSize()), refund -> {
            try {
                if (claim(refund)) {
                    send(refund);
                    return true;
                }
            } catch (RuntimeException e) {
                // The claim's lease runs out and a later pass sends it again, with the same idempotency key.
                LOG.log(System.Logger.Level.WARNING, "sending refund " + refund.id() + " failed; will retry", e);
            }
            return false;
        });
    }

    @Override
    public int checkDue() {
        Instant now = clock.instant();
        return onWorkers(queue.dueForCheck(now, settings.batchSize()), due -> {
            Instant next = now.plus(settings.checkBackoff(due.attempts() + 1));
            try {
                if (queue.claimCheck(due.refund().id(), due.dueAt(), next)) {
                    check(due.refund());
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "checking refund " + due.refund().id() + " failed; will retry", e);
            }
            return false;
        });
    }

    /**
     * Runs {@code task} for every item on the workers and waits until all are done, at most a send lease (after
     * that a stuck claim has run out anyway); returns how many returned true. Items not started by then, or refused
     * because the workers are shutting down, are left for a later pass.
     */
    private <T> int onWorkers(List<T> items, Predicate<T> task) {
        AtomicInteger done = new AtomicInteger();
        workers.runAll(items.stream().<Runnable>map(item -> () -> {
            if (task.test(item)) {
                done.incrementAndGet();
            }
        }).toList(), settings.sendLease());
        return done.get();
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
        String processorReference = processor.submit(refund.id(), refund.amount());
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (mover.settle(refund, new Settlement.Sent(processorReference), now).isAccepted()) {
                queue.scheduleCheck(refund.id(), now.plus(settings.firstCheckAfter()));
            }
            return null;
        });
    }

    private void check(Refund refund) {
        if (refund.status() == RefundStatus.COMPLETED
                && !clock.instant().isBefore(refund.completedAt().orElseThrow().plus(settings.reversalWindow()))) {
            queue.stopChecks(refund.id());
            return;
        }
        answers.apply(refund, processor.status(refund.id()));
    }

    /**
     * How fast the worker goes; every number bounded. {@code reversalWindow}: how long after completion a refund
     * is still checked, because the processor may report it reversed.
     */
    public record SettlementSettings(int batchSize, Duration sendLease, Duration firstCheckAfter,
                                     Duration checkEvery, Duration checkEveryMax, Duration reversalWindow) {
        public static final Duration REVERSAL_WINDOW_DEFAULT = Duration.ofDays(7);

        public SettlementSettings {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batchSize must be 1-1000");
            }
            if (reversalWindow.isNegative()) {
                throw new IllegalArgumentException("reversalWindow must not be negative");
            }
        }

        public SettlementSettings(int batchSize, Duration sendLease, Duration firstCheckAfter, Duration checkEvery,
                                  Duration checkEveryMax) {
            this(batchSize, sendLease, firstCheckAfter, checkEvery, checkEveryMax, REVERSAL_WINDOW_DEFAULT);
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
