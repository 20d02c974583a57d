package dev.refunds.application.reconciliation;

import java.util.List;

/** One run of the reconciliation job. */
public interface ReconcileUseCase {
    /**
     * Compares what the processor settled since the checkpoint with the books and records what disagrees; returns
     * the discrepancies recorded by this run (none when another instance holds the job).
     */
    List<Discrepancy> runOnce();
}
