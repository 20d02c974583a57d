package dev.refunds.application.reconciliation;

/** The ways the books and the processor's statement can disagree about a refund (API.md, Reconciliation). */
public enum DiscrepancyKind {
    /** Ours is COMPLETED; the processor never saw the refund. */
    MISSING_AT_PROCESSOR,
    /** The processor settled a refund the books have no record of. */
    UNKNOWN_TO_US,
    STATUS_MISMATCH,
    AMOUNT_MISMATCH
}
