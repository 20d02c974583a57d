package dev.refunds.application.settlement;

import dev.refunds.application.settlement.PaymentProcessor.ProcessorStatus;
import dev.refunds.application.settlement.PaymentProcessor.Submission;
import dev.refunds.application.settlement.SettlementQueue.DueCheck;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;

import java.util.List;
import java.util.Map;

/**
 * The processor calls of a settlement pass, outside any transaction: a part of the batch per worker, each part in
 * one call of the processor's batch methods (one by one for a processor without them). A refund the processor did
 * not answer about is left for a later pass: a send is made again with the same idempotency key once its claim's
 * lease has run out, a check once it is due again.
 */
final class ProcessorCalls {
    private static final System.Logger LOG = System.getLogger(ProcessorCalls.class.getName());

    private final PaymentProcessor processor;
    private final ProcessorAnswers answers;
    private final SettlementBatch batch;

    ProcessorCalls(PaymentProcessor processor, ProcessorAnswers answers, SettlementBatch batch) {
        this.processor = processor;
        this.answers = answers;
        this.batch = batch;
    }

    /** Hands the claimed refunds over; answers the ones the processor took, with its id for each. */
    List<Sent> submit(List<Refund> claimed) {
        return batch.callInParts(claimed, part -> {
            try {
                Map<RefundId, String> references = processor.submitAll(part.stream()
                        .map(refund -> new Submission(refund.id(), refund.amount())).toList());
                return part.stream().filter(refund -> references.containsKey(refund.id()))
                        .map(refund -> new Sent(refund, references.get(refund.id()))).toList();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "sending " + part.size() + " refunds failed; will retry", e);
                return List.of();
            }
        });
    }

    /** The processor's answers about the claimed checks; a send it lost is made again at once. */
    List<Answer> ask(List<DueCheck> claimed) {
        return batch.callInParts(claimed, part -> {
            try {
                Map<RefundId, ProcessorStatus> statuses = processor.statusAll(part.stream()
                        .map(check -> check.refund().id()).toList());
                return part.stream().filter(check -> statuses.containsKey(check.refund().id()))
                        .map(check -> answer(check.refund(), statuses.get(check.refund().id()))).toList();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "checking " + part.size() + " refunds failed; will retry", e);
                return List.of();
            }
        });
    }

    private Answer answer(Refund refund, ProcessorStatus status) {
        if (status instanceof ProcessorStatus.Unknown) {
            try {
                answers.apply(refund, status);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "sending refund " + refund.id() + " again failed; will retry", e);
            }
        }
        return new Answer(refund, status);
    }

    record Sent(Refund refund, String reference) {
    }

    record Answer(Refund refund, ProcessorStatus status) {
    }
}
