package dev.refunds.application.reconciliation;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.payment.Decision;

import java.util.Map;
import java.util.Optional;

/** What operators see of reconciliation and how they close what it found. */
public interface DiscrepanciesUseCase {
    Page<Discrepancy> list(Optional<DiscrepancyStatus> status, PageRequest page);

    /** Empty when there is no such discrepancy; refused ({@code INVALID_STATE}) when it is already resolved. */
    Optional<Decision<Discrepancy>> resolve(String discrepancyId, String note);

    Map<DiscrepancyKind, Long> openByKind();
}
