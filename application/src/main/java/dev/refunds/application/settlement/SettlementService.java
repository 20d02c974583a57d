package dev.refunds.application.settlement;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.refund.RefundMover;
import dev.refunds.application.settlement.ProcessorCalls.Answer;
import dev.refunds.application.settlement.ProcessorCalls.Sent;
import dev.refunds.application.settlement.SettlementQueue.DueCheck;
import dev.refunds.application.shared.BoundedExecutor;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.Settlement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sends {@code INITIATED} refunds to the processor and asks it about {@code PROCESSING} ones until they settle,
 * then about {@code COMPLETED} ones until their reversal window is over.
 * Safe with any number of workers on one database: a send is claimed under the payment's lock, a check by a
 * compare-and-set on its due time, and every status change re-reads the refund under the lock. A pass splits its
 * batch over the {@code workers} executor: each worker claims its part in one transaction, the processor calls run
 * at once, a part per worker in one batch call (a processor call takes its time), and each part's answers are
 * written in one transaction.
 */
public final class SettlementService implements SettleRefundsUseCase {
    private final SettlementQueue queue;
    private final PaymentRepository payments;
    private final RefundMover mover;
    private final Transactions transactions;
    private final Clock clock;
    private final SettlementSettings settings;
    private final ProcessorAnswers answers;
    private final SettlementBatch batch;
    private final ProcessorCalls calls;

    public SettlementService(SettlementQueue queue, PaymentProcessor processor, PaymentRepository payments,
                             RefundMover mover, Transactions transactions, Clock clock, SettlementSettings settings,
                             BoundedExecutor workers) {
        this.queue = queue;
        this.payments = payments;
        this.mover = mover;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.answers = new ProcessorAnswers(processor, mover, transactions, clock);
        this.batch = new SettlementBatch(transactions, workers, settings.sendLease());
        this.calls = new ProcessorCalls(processor, answers, batch);
    }

    @Override
    public int sendDue() {
        List<Refund> claimed = batch.claimOnWorkers(queue.dueForSending(clock.instant(), settings.batchSize()),
                refund -> refund, this::claimForSending);
        // The processor calls happen outside any transaction; only their outcomes are written, under the locks.
        List<Sent> sent = calls.submit(claimed);
        return batch.writeAll(sent, Sent::refund, "recording the sending", this::recordSent);
    }

    /** The refunds of {@code due} this pass claimed, oldest first: one transaction, payments locked in order. */
    private List<Refund> claimForSending(List<Refund> due) {
        Set<RefundId> claimed = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Set<PaymentId> locked = new HashSet<>();
            Set<RefundId> ours = new HashSet<>();
            for (Refund refund : due.stream().sorted(SettlementBatch.PAYMENT_ORDER).toList()) {
                boolean present = locked.contains(refund.paymentId())
                        || payments.lockById(refund.businessId(), refund.paymentId()).isPresent();
                if (present) {
                    locked.add(refund.paymentId());
                }
                if (present && queue.claimForSending(refund.id(), now, now.plus(settings.sendLease()))) {
                    ours.add(refund.id());
                }
            }
            return ours;
        });
        return due.stream().filter(refund -> claimed.contains(refund.id())).toList();
    }

    private void recordSent(Sent sent) {
        Instant now = clock.instant();
        if (mover.settle(sent.refund(), new Settlement.Sent(sent.reference()), now).isAccepted()) {
            queue.scheduleCheck(sent.refund().id(), now.plus(settings.firstCheckAfter()));
        }
    }

    @Override
    public int checkDue() {
        Instant now = clock.instant();
        List<DueCheck> due = queue.dueForCheck(now, settings.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        List<DueCheck> claimed = batch.claimOnWorkers(due, DueCheck::refund, checks -> claimChecks(checks, now));
        List<Answer> heard = calls.ask(claimed);
        int stopped = (int) due.stream().filter(check -> reversalWindowOver(check.refund(), now)).count();
        batch.writeAll(heard.stream().filter(answer -> ProcessorAnswers.changes(answer.refund(), answer.status()))
                .toList(), Answer::refund, "recording a processor's answer", answer -> answers.apply(answer.refund(),
                answer.status()));
        return stopped + heard.size();
    }

    /** One transaction takes the batch (refund rows in one order) and stops the checks whose window is over. */
    private List<DueCheck> claimChecks(List<DueCheck> due, Instant now) {
        return transactions.inTransaction(() -> {
            List<DueCheck> ours = new ArrayList<>();
            for (DueCheck check : due.stream().sorted(Comparator.comparing(c -> c.refund().id().value())).toList()) {
                if (reversalWindowOver(check.refund(), now)) {
                    queue.stopChecks(check.refund().id());
                } else if (queue.claimCheck(check.refund().id(), check.dueAt(), now.plus(nextGap(check)))) {
                    ours.add(check);
                }
            }
            return ours;
        });
    }

    /** A completed refund is only watched for a reversal: the slowest pace, not the back-off of its settling. */
    private Duration nextGap(DueCheck check) {
        return check.refund().status() == RefundStatus.COMPLETED ? settings.checkEveryMax()
                : settings.checkBackoff(check.attempts() + 1);
    }

    private boolean reversalWindowOver(Refund refund, Instant now) {
        return refund.status() == RefundStatus.COMPLETED
                && !now.isBefore(refund.completedAt().orElseThrow().plus(settings.reversalWindow()));
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
