package dev.refunds.application.settlement;

import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.RefundId;

import java.time.Instant;
import java.util.List;
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
