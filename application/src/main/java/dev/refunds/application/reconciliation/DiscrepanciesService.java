package dev.refunds.application.reconciliation;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

public final class DiscrepanciesService implements DiscrepanciesUseCase {
    private final Discrepancies discrepancies;
    private final Transactions transactions;
    private final Clock clock;

    public DiscrepanciesService(Discrepancies discrepancies, Transactions transactions, Clock clock) {
        this.discrepancies = discrepancies;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<Discrepancy> list(Optional<DiscrepancyStatus> status, PageRequest page) {
        return discrepancies.list(status, page);
    }

    @Override
    public Optional<Decision<Discrepancy>> resolve(String discrepancyId, String note) {
        if (note == null || note.isBlank() || note.length() > Discrepancy.NOTE_LENGTH_MAX) {
            throw new IllegalArgumentException("note must be 1-" + Discrepancy.NOTE_LENGTH_MAX + " characters");
        }
        return transactions.inTransaction(() -> discrepancies.lockById(discrepancyId).map(found -> {
            if (found.status() == DiscrepancyStatus.RESOLVED) {
                return Decision.refused(RefusalCode.INVALID_STATE, "Discrepancy " + discrepancyId
                        + " is already resolved");
            }
            Discrepancy resolved = found.resolved(note, clock.instant());
            discrepancies.update(resolved);
            return Decision.accepted(resolved);
        }));
    }

    @Override
    public Map<DiscrepancyKind, Long> openByKind() {
        return discrepancies.countOpenByKind();
    }
}
