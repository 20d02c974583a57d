package dev.refunds.application.reconciliation;

public enum DiscrepancyStatus {
    /** Waits for an operator. */
    OPEN,
    /** Settled: synced by the job (the safe kind) or closed by an operator with a note. */
    RESOLVED
}
