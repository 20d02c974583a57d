package dev.refunds.application.settlement;

import dev.refunds.domain.payment.Refund;

/** One pass of the settlement worker; each returns how many refunds it handled. */
public interface SettleRefundsUseCase {
    /** Sends due {@code INITIATED} refunds to the processor. */
    int sendDue();

    /** Asks the processor about due {@code PROCESSING} refunds and records what settled. */
    int checkDue();

    /**
     * Asks the processor about one {@code PROCESSING} refund now and records what settled, exactly as a due check
     * does; true when the refund moved (reconciliation applies its safe kind this way).
     */
    boolean applyProcessorStatus(Refund refund);
}
