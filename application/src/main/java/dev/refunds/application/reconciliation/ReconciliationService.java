package dev.refunds.application.reconciliation;

import dev.refunds.application.reconciliation.Discrepancy.Observed;
import dev.refunds.application.refund.RefundRepository;
import dev.refunds.application.report.RefundReports;
import dev.refunds.application.settlement.PaymentProcessor.ProcessorStatus;
import dev.refunds.application.settlement.PaymentProcessor.SettledRefund;
import dev.refunds.application.settlement.PaymentProcessor.SettlementPosition;
import dev.refunds.application.settlement.PaymentProcessor;
import dev.refunds.application.settlement.SyncRefundUseCase;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reconciliation job. Each run takes the window from the checkpoint to {@code now − settleGrace} (the grace
 * leaves the settlement worker time to record what just settled, so its ordinary lag is not a discrepancy) and
 * walks it from both ends: what the processor settled in it, checked against the books, and what the books
 * completed in it, checked against the processor. Rerunning a window is harmless: a discrepancy is recorded once
 * per kind and refund, and the safe kind, once applied, no longer disagrees.
 */
public final class ReconciliationService implements ReconcileUseCase {
    private final ReconciliationRuns runs;
    private final PaymentProcessor processor;
    private final RefundRepository refunds;
    private final RefundReports reports;
    private final Discrepancies discrepancies;
    private final SyncRefundUseCase sync;
    private final Transactions transactions;
    private final Clock clock;
    private final Supplier<String> newDiscrepancyId;
    private final ReconciliationSettings settings;

    public ReconciliationService(ReconciliationRuns runs, PaymentProcessor processor, RefundRepository refunds,
                                 RefundReports reports, Discrepancies discrepancies, SyncRefundUseCase sync,
                                 Transactions transactions, Clock clock, Supplier<String> newDiscrepancyId,
                                 ReconciliationSettings settings) {
        this.runs = runs;
        this.processor = processor;
        this.refunds = refunds;
        this.reports = reports;
        this.discrepancies = discrepancies;
        this.sync = sync;
        this.transactions = transactions;
        this.clock = clock;
        this.newDiscrepancyId = newDiscrepancyId;
        this.settings = settings;
    }

    @Override
    public List<Discrepancy> runOnce() {
        Instant now = clock.instant();
        Optional<Instant> checkpoint = transactions.inTransaction(
                () -> runs.claim(settings.owner(), now, now.plus(settings.lease())));
        if (checkpoint.isEmpty()) {
            return List.of();
        }
        Instant until = now.minus(settings.settleGrace());
        List<Discrepancy> found = new ArrayList<>();
        if (until.isAfter(checkpoint.get())) {
            until = compareProcessorWithBooks(checkpoint.get(), until, found);
            until = compareBooksWithProcessor(checkpoint.get(), until, found);
        }
        Instant reached = until.isAfter(checkpoint.get()) ? until : checkpoint.get();
        transactions.inTransaction(() -> runs.finish(settings.owner(), reached));
        return found;
    }

    /** Returns where it stopped: {@code until}, or earlier when the run's bound was reached first. */
    private Instant compareProcessorWithBooks(Instant from, Instant until, List<Discrepancy> found) {
        SettlementPosition after = new SettlementPosition(from, "");
        for (int seen = 0; seen < settings.itemsPerRunMax(); ) {
            List<SettledRefund> page = processor.settledAfter(after, until, settings.pageSize());
            for (SettledRefund settled : page) {
                compare(settled).ifPresent(found::add);
            }
            seen += page.size();
            if (page.size() < settings.pageSize()) {
                return until;
            }
            after = page.get(page.size() - 1).position();
        }
        return after.settledAt();
    }

    private Instant compareBooksWithProcessor(Instant from, Instant until, List<Discrepancy> found) {
        RefundReports.Cursor after = new RefundReports.Cursor(from, "");
        for (int seen = 0; seen < settings.itemsPerRunMax(); ) {
            List<Refund> page = reports.completedAfter(after, until, settings.pageSize());
            for (Refund completed : page) {
                compare(completed).ifPresent(found::add);
            }
            seen += page.size();
            if (page.size() < settings.pageSize()) {
                return until;
            }
            Refund last = page.get(page.size() - 1);
            after = new RefundReports.Cursor(last.completedAt().orElseThrow(), last.id().value());
        }
        return after.createdAt();
    }

    private Optional<Discrepancy> compare(SettledRefund settled) {
        Optional<Observed> processors = Optional.of(new Observed(settled.completed() ? "COMPLETED" : "FAILED",
                settled.amount()));
        Optional<Refund> ours = refunds.findAnyById(settled.refundId());
        if (ours.isEmpty()) {
            return record(DiscrepancyKind.UNKNOWN_TO_US, settled.refundId(), Optional.empty(), processors);
        }
        Refund refund = ours.get();
        if (!refund.amount().equals(settled.amount())) {
            return record(DiscrepancyKind.AMOUNT_MISMATCH, refund.id(), observed(refund), processors);
        }
        RefundStatus agreeing = settled.completed() ? RefundStatus.COMPLETED : RefundStatus.FAILED;
        if (refund.status() == agreeing || settled.completed() && refund.status() == RefundStatus.REVERSED) {
            return Optional.empty();
        }
        if (settled.completed() && refund.status() == RefundStatus.PROCESSING && syncs(refund)) {
            return recordResolved(refund, processors);
        }
        return record(DiscrepancyKind.STATUS_MISMATCH, refund.id(), observed(current(refund)), processors);
    }

    private Optional<Discrepancy> compare(Refund completed) {
        ProcessorStatus status = processor.status(completed.id());
        if (status instanceof ProcessorStatus.Succeeded) {
            return Optional.empty();
        }
        if (status instanceof ProcessorStatus.Unknown) {
            return record(DiscrepancyKind.MISSING_AT_PROCESSOR, completed.id(), observed(completed), Optional.empty());
        }
        String theirs = status instanceof ProcessorStatus.Failed ? "FAILED"
                : status instanceof ProcessorStatus.Reversed ? "REVERSED" : "PROCESSING";
        return record(DiscrepancyKind.STATUS_MISMATCH, completed.id(), observed(completed),
                Optional.of(new Observed(theirs, completed.amount())));
    }

    /**
     * Asks the processor again and applies its answer through the path of the settlement worker's checks (an
     * on-demand sync); true when the books now say COMPLETED (or REVERSED, if it came back meanwhile).
     */
    private boolean syncs(Refund refund) {
        Decision<RefundChange> synced = sync.sync(refund.businessId(), refund.paymentId(), refund.id());
        RefundStatus now = synced instanceof Decision.Accepted<RefundChange> accepted
                ? accepted.value().refund().status() : current(refund).status();
        return now == RefundStatus.COMPLETED || now == RefundStatus.REVERSED;
    }

    private Refund current(Refund refund) {
        return refunds.findAnyById(refund.id()).orElse(refund);
    }

    private Optional<Discrepancy> recordResolved(Refund refund, Optional<Observed> processors) {
        Instant now = clock.instant();
        Discrepancy synced = new Discrepancy(newDiscrepancyId.get(), DiscrepancyKind.STATUS_MISMATCH, refund.id(),
                observed(refund), processors, now, DiscrepancyStatus.RESOLVED,
                Optional.of("synced: the processor reported COMPLETED, the books followed"), Optional.of(now));
        return transactions.inTransaction(() -> discrepancies.recordOnce(synced)) ? Optional.of(synced)
                : Optional.empty();
    }

    private Optional<Discrepancy> record(DiscrepancyKind kind, RefundId refundId, Optional<Observed> ours,
                                         Optional<Observed> processors) {
        Discrepancy open = new Discrepancy(newDiscrepancyId.get(), kind, refundId, ours, processors, clock.instant(),
                DiscrepancyStatus.OPEN, Optional.empty(), Optional.empty());
        return transactions.inTransaction(() -> discrepancies.recordOnce(open)) ? Optional.of(open)
                : Optional.empty();
    }

    private static Optional<Observed> observed(Refund refund) {
        return Optional.of(new Observed(refund.status().name(), refund.amount()));
    }

    /** Who this instance is, how long its claim holds, and how much one run reads at most. */
    public record ReconciliationSettings(String owner, Duration lease, Duration settleGrace, int pageSize,
                                         int itemsPerRunMax) {
        public ReconciliationSettings {
            if (pageSize < 1 || pageSize > 1000 || itemsPerRunMax < pageSize) {
                throw new IllegalArgumentException("pageSize must be 1-1000 and itemsPerRunMax at least pageSize");
            }
        }
    }
}
