package dev.refunds.application.settlement;

import dev.refunds.application.fakes.InMemoryRefundRepository;
import dev.refunds.application.reconciliation.Discrepancies;
import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.reconciliation.DiscrepancyKind;
import dev.refunds.application.reconciliation.DiscrepancyStatus;
import dev.refunds.application.reconciliation.ReconciliationRuns;
import dev.refunds.application.report.RefundReports;
import dev.refunds.application.report.ReportWindow;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reconciliation ports in memory: the job's row, the discrepancies, and completed refunds by completion. */
final class InMemoryReconciliation implements ReconciliationRuns, Discrepancies, RefundReports {
    private final InMemoryRefundRepository refunds;
    private final List<Discrepancy> stored = new ArrayList<>();
    private Instant checkpoint = Instant.EPOCH;
    private String leaseOwner;
    private Instant leaseUntil = Instant.EPOCH;

    InMemoryReconciliation(InMemoryRefundRepository refunds) {
        this.refunds = refunds;
    }

    @Override
    public Optional<Instant> claim(String owner, Instant now, Instant until) {
        if (leaseOwner != null && !leaseUntil.isBefore(now)) {
            return Optional.empty();
        }
        leaseOwner = owner;
        leaseUntil = until;
        return Optional.of(checkpoint);
    }

    @Override
    public boolean finish(String owner, Instant reached) {
        if (!owner.equals(leaseOwner)) {
            return false;
        }
        checkpoint = reached;
        leaseOwner = null;
        return true;
    }

    Instant checkpoint() {
        return checkpoint;
    }

    @Override
    public boolean recordOnce(Discrepancy discrepancy) {
        if (stored.stream().anyMatch(d -> d.kind() == discrepancy.kind()
                && d.refundId().equals(discrepancy.refundId()))) {
            return false;
        }
        return stored.add(discrepancy);
    }

    @Override
    public Page<Discrepancy> list(Optional<DiscrepancyStatus> status, PageRequest page) {
        return new Page<>(stored.stream().filter(d -> status.isEmpty() || d.status() == status.get()).toList(), false);
    }

    @Override
    public Optional<Discrepancy> lockById(String discrepancyId) {
        return stored.stream().filter(d -> d.discrepancyId().equals(discrepancyId)).findFirst();
    }

    @Override
    public void update(Discrepancy discrepancy) {
        stored.replaceAll(d -> d.discrepancyId().equals(discrepancy.discrepancyId()) ? discrepancy : d);
    }

    @Override
    public Map<DiscrepancyKind, Long> countOpenByKind() {
        Map<DiscrepancyKind, Long> counts = new EnumMap<>(DiscrepancyKind.class);
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            counts.put(kind, stored.stream().filter(d -> d.kind() == kind && d.status() == DiscrepancyStatus.OPEN)
                    .count());
        }
        return counts;
    }

    List<Discrepancy> stored() {
        return List.copyOf(stored);
    }

    @Override
    public List<Refund> completedAfter(Cursor after, Instant until, int limit) {
        Comparator<Refund> order = Comparator.comparing((Refund r) -> r.completedAt().orElseThrow())
                .thenComparing(r -> r.id().value());
        return refunds.all().stream().filter(r -> r.status() == RefundStatus.COMPLETED)
                .filter(r -> r.completedAt().orElseThrow().isBefore(until))
                .filter(r -> r.completedAt().orElseThrow().isAfter(after.createdAt())
                        || r.completedAt().orElseThrow().equals(after.createdAt())
                        && r.id().value().compareTo(after.refundId()) > 0)
                .sorted(order).limit(limit).toList();
    }

    @Override
    public List<Line> page(Optional<BusinessId> businessId, ReportWindow window, Optional<Cursor> after, int limit) {
        throw new UnsupportedOperationException("exports are not part of reconciliation");
    }

    @Override
    public List<StatusTotal> totals(Optional<BusinessId> businessId, ReportWindow window) {
        throw new UnsupportedOperationException("balances are not part of reconciliation");
    }
}
