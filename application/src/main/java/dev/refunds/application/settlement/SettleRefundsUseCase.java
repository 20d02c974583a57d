package dev.refunds.application.settlement;

/** One pass of the settlement worker; each returns how many refunds it handled. */
public interface SettleRefundsUseCase {
    /** Sends due {@code INITIATED} refunds to the processor. */
    int sendDue();

    /** Asks the processor about due {@code PROCESSING} refunds and records what settled. */
    int checkDue();
}
