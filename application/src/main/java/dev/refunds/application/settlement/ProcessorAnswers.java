package dev.refunds.application.settlement;

import dev.refunds.application.refund.RefundMover;
import dev.refunds.application.settlement.PaymentProcessor.ProcessorStatus;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.CompletedRefund;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.RefusalCode;
import dev.refunds.domain.payment.Reversal;
import dev.refunds.domain.payment.Settlement;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies what the processor said about a refund: the one path of the worker's checks and of an on-demand sync.
 * Every change re-reads the refund under its payment's lock, so when two of them race with the same answer the
 * second finds the refund already moved, the domain refuses, and nothing is applied twice.
 */
final class ProcessorAnswers {
    private final PaymentProcessor processor;
    private final RefundMover mover;
    private final Transactions transactions;
    private final Clock clock;

    ProcessorAnswers(PaymentProcessor processor, RefundMover mover, Transactions transactions, Clock clock) {
        this.processor = processor;
        this.mover = mover;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Whether {@link #apply} would write anything for this answer: a pending refund, or a completed one the
     * processor still calls succeeded, needs no transaction (most checks of a completed refund are that).
     */
    static boolean changes(Refund refund, ProcessorStatus status) {
        if (status instanceof ProcessorStatus.Succeeded) {
            return refund.status() != RefundStatus.COMPLETED;
        }
        return status instanceof ProcessorStatus.Failed || status instanceof ProcessorStatus.Reversed;
    }

    void apply(Refund refund, ProcessorStatus status) {
        if (status instanceof ProcessorStatus.Succeeded && refund.status() == RefundStatus.COMPLETED) {
            return;   // already settled: the lock and the re-read would only find that out again
        }
        if (status instanceof ProcessorStatus.Succeeded succeeded) {
            settle(refund, new Settlement.Settled(succeeded.acquirerReference()));
        } else if (status instanceof ProcessorStatus.Failed failed) {
            settle(refund, new Settlement.Declined(failed.code(), failed.reason()));
        } else if (status instanceof ProcessorStatus.Reversed reversed) {
            transactions.inTransaction(() -> reverse(refund, new Reversal(reversed.code(), reversed.reason())));
        } else if (status instanceof ProcessorStatus.Unknown && refund.status() == RefundStatus.PROCESSING) {
            processor.submit(refund.id(), refund.amount());   // the send was lost; same key, so at most one refund
        }
    }

    private void settle(Refund refund, Settlement settlement) {
        transactions.inTransaction(() -> mover.settle(refund, settlement, clock.instant()));
    }

    /** A refund still PROCESSING here completed unseen before it was reversed: both steps are written. */
    private Decision<RefundChange> reverse(Refund refund, Reversal reversal) {
        Instant now = clock.instant();
        mover.settle(refund, new Settlement.Settled(Optional.empty()), now);
        return mover.change(refund, now, current -> CompletedRefund.of(current.refund())
                .<Decision<RefundChange>>map(completed ->
                        Decision.accepted(current.payment().reverseRefund(completed, reversal, now)))
                .orElseGet(() -> Decision.refused(RefusalCode.INVALID_STATE, "refund " + refund.id() + " is "
                        + current.refund().status() + "; only a COMPLETED refund can be reversed")));
    }
}
