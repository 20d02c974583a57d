package dev.refunds.application.settlement;

import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.refund.RefundMover;
import dev.refunds.application.refund.RefundRepository;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the processor about one refund at once and applies the answer through {@link ProcessorAnswers}, the path of
 * the worker's checks: a sync racing the worker re-reads the refund under its payment's lock, so one outcome is
 * never applied twice. Like the worker, it calls the processor with no transaction open.
 */
public final class SyncRefundService implements SyncRefundUseCase {
    /** The statuses in which the processor has something to say: in flight there, or completed (and reversible). */
    private static final Set<RefundStatus> WITH_THE_PROCESSOR = Set.of(RefundStatus.PROCESSING, RefundStatus.COMPLETED);

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final PaymentProcessor processor;
    private final Transactions transactions;
    private final ProcessorAnswers answers;

    public SyncRefundService(RefundRepository refunds, PaymentRepository payments, PaymentProcessor processor,
                             RefundMover mover, Transactions transactions, Clock clock) {
        this.refunds = refunds;
        this.payments = payments;
        this.processor = processor;
        this.transactions = transactions;
        this.answers = new ProcessorAnswers(processor, mover, transactions, clock);
    }

    @Override
    public Decision<RefundChange> sync(BusinessId businessId, PaymentId paymentId, RefundId refundId) {
        Optional<Refund> found = transactions.inTransaction(() -> refunds.findById(businessId, refundId))
                .filter(refund -> refund.paymentId().equals(paymentId));
        if (found.isEmpty()) {
            return Decision.refused(RefusalCode.REFUND_NOT_FOUND, "No refund " + refundId + " of payment " + paymentId);
        }
        Refund refund = found.get();
        if (!WITH_THE_PROCESSOR.contains(refund.status())) {
            return Decision.refused(RefusalCode.INVALID_STATE, "Refund " + refundId + " is " + refund.status()
                    + "; only a PROCESSING or COMPLETED refund can be synced with the processor");
        }
        answers.apply(refund, processor.status(refundId));
        return transactions.inTransaction(() -> {
            Refund now = refunds.findById(businessId, refundId).orElseThrow();
            return Decision.accepted(new RefundChange(
                    payments.findById(businessId, paymentId).orElseThrow(), now));
        });
    }
}
