package dev.refunds.application.port;

import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.RefundId;

/**
 * The payment processor that moves the money. The refund id is the idempotency key of every call: sending the
 * same refund twice (after a crash, say) makes one refund at the processor.
 */
public interface PaymentProcessor {

    /** Hands the refund over; it settles later, learnt through {@link #status}. Throws when the call failed. */
    void submit(RefundId refundId, Money amount);

    /** What the processor knows of the refund now. Throws when the call failed. */
    ProcessorStatus status(RefundId refundId);

    sealed interface ProcessorStatus {
        /** Accepted, not settled yet. */
        record Pending() implements ProcessorStatus {
        }

        record Succeeded() implements ProcessorStatus {
        }

        record Failed(String reason) implements ProcessorStatus {
        }

        /** The processor never received it (the send was lost): send it again. */
        record Unknown() implements ProcessorStatus {
        }
    }
}
