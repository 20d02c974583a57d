package dev.refunds.application.settlement;

import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.RefundId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The payment processor that moves the money. The refund id is the idempotency key of every call: sending the
 * same refund twice (after a crash, say) makes one refund at the processor.
 */
public interface PaymentProcessor {

    /**
     * Hands the refund over; it settles later, learnt through {@link #status}. Answers the processor's own id for
     * the refund (the same one for a repeated send). Throws when the call failed.
     */
    String submit(RefundId refundId, Money amount);

    /** What the processor knows of the refund now. Throws when the call failed. */
    ProcessorStatus status(RefundId refundId);

    /**
     * Hands several refunds over, as {@link #submit} would one by one (which this default does): answers the
     * processor's id of every refund it took. A refund missing from the answer was not taken (its call failed) and
     * is sent again later with the same key. A processor that takes a batch in one call overrides this.
     */
    default Map<RefundId, String> submitAll(List<Submission> submissions) {
        Map<RefundId, String> references = new LinkedHashMap<>();
        for (Submission submission : submissions) {
            try {
                references.put(submission.refundId(), submit(submission.refundId(), submission.amount()));
            } catch (RuntimeException e) {
                System.getLogger(PaymentProcessor.class.getName()).log(System.Logger.Level.WARNING,
                        "sending refund " + submission.refundId() + " failed; will retry", e);
            }
        }
        return references;
    }

    /**
     * What the processor knows of each refund now, as {@link #status} would one by one (which this default does);
     * a refund missing from the answer was not heard about (its call failed) and is asked about again later.
     */
    default Map<RefundId, ProcessorStatus> statusAll(List<RefundId> refundIds) {
        Map<RefundId, ProcessorStatus> statuses = new LinkedHashMap<>();
        for (RefundId refundId : refundIds) {
            try {
                statuses.put(refundId, status(refundId));
            } catch (RuntimeException e) {
                System.getLogger(PaymentProcessor.class.getName()).log(System.Logger.Level.WARNING,
                        "checking refund " + refundId + " failed; will retry", e);
            }
        }
        return statuses;
    }

    /** One refund to hand over: its id is the idempotency key. */
    record Submission(RefundId refundId, Money amount) {
    }

    /**
     * What the processor settled (completed or failed) after {@code after} and before {@code until}, in the order
     * of settlement, at most {@code max}: the statement reconciliation compares with the books. Throws when the
     * call failed.
     */
    List<SettledRefund> settledAfter(SettlementPosition after, Instant until, int max);

    /**
     * A place in the processor's settlement order; {@code refundId} "" is the start of the instant (everything
     * settled at it follows).
     */
    record SettlementPosition(Instant settledAt, String refundId) {
    }

    /** One refund as the processor settled it. */
    record SettledRefund(RefundId refundId, Money amount, boolean completed, Instant settledAt) {
        public SettlementPosition position() {
            return new SettlementPosition(settledAt, refundId.value());
        }
    }

    sealed interface ProcessorStatus {
        /** Accepted, not settled yet. */
        record Pending() implements ProcessorStatus {
        }

        /** Paid out; the acquirer reference (ARN) when the processor has one. */
        record Succeeded(Optional<String> acquirerReference) implements ProcessorStatus {
            public Succeeded {
                Objects.requireNonNull(acquirerReference, "acquirerReference");
            }

            public Succeeded() {
                this(Optional.empty());
            }
        }

        record Failed(FailureCode code, String reason) implements ProcessorStatus {
        }

        /** Paid out, then returned (the customer's card was closed, say): the money never reached them. */
        record Reversed(FailureCode code, String reason) implements ProcessorStatus {
        }

        /** The processor never received it (the send was lost): send it again. */
        record Unknown() implements ProcessorStatus {
        }
    }
}
