package dev.refunds.bootstrap;

import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.reconciliation.ReconcileUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Every discrepancy a run records is one WARN line with its id, whoever started the run. */
final class LoggedReconciliation implements ReconcileUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedReconciliation.class);

    private final ReconcileUseCase reconcile;

    LoggedReconciliation(ReconcileUseCase reconcile) {
        this.reconcile = reconcile;
    }

    @Override
    public List<Discrepancy> runOnce() {
        List<Discrepancy> found = reconcile.runOnce();
        for (Discrepancy discrepancy : found) {
            LOG.warn("reconciliation discrepancy {} {} refund {} status {}", discrepancy.discrepancyId(),
                    discrepancy.kind(), discrepancy.refundId().value(), discrepancy.status());
        }
        return found;
    }
}
