package dev.refunds.application.reconciliation;

import java.time.Instant;
import java.util.Optional;

/**
 * The reconciliation job's one shared row: how far it has compared, and the lease of the instance running it now.
 * Every instance may try; the compare-and-set claim lets one at a time run, and a lease that runs out (its
 * instance died) frees the job for another.
 */
public interface ReconciliationRuns {

    /** The checkpoint, if this owner took the lease (free, or expired at {@code now}) until {@code leaseUntil}. */
    Optional<Instant> claim(String owner, Instant now, Instant leaseUntil);

    /** Moves the checkpoint and gives the lease back, if this owner still holds it; false when it lost it. */
    boolean finish(String owner, Instant checkpoint);
}
