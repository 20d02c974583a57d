package dev.refunds.application.reconciliation;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

import java.util.Map;
import java.util.Optional;

/** The discrepancies reconciliation found; at most one per kind and refund. */
public interface Discrepancies {

    /** Stores it unless one of the same kind for the same refund exists; false then (nothing changes). */
    boolean recordOnce(Discrepancy discrepancy);

    /** Newest first; an unknown cursor throws {@code InvalidInputException}. */
    Page<Discrepancy> list(Optional<DiscrepancyStatus> status, PageRequest page);

    /** Reads it with a lock on its row until the transaction ends. */
    Optional<Discrepancy> lockById(String discrepancyId);

    void update(Discrepancy discrepancy);

    /** How many are {@code OPEN}, per kind (every kind present, 0 when none). */
    Map<DiscrepancyKind, Long> countOpenByKind();
}
