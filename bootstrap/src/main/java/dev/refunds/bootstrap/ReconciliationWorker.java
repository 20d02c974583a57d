package dev.refunds.bootstrap;

import dev.refunds.application.reconciliation.ReconcileUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconciliation every {@code refunds.reconciliation.run-every}. Every instance runs one; the job's lease lets
 * one run at a time. Off with {@code refunds.reconciliation.enabled=false}.
 */
@Singleton
@Requires(property = "refunds.reconciliation.enabled", notEquals = "false")
final class ReconciliationWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationWorker.class);

    private final ReconcileUseCase reconcile;

    ReconciliationWorker(ReconcileUseCase reconcile) {
        this.reconcile = reconcile;
    }

    @Scheduled(fixedDelay = "${refunds.reconciliation.run-every:1m}", initialDelay = "5s")
    void run() {
        try {
            reconcile.runOnce();
        } catch (RuntimeException e) {
            LOG.warn("reconciliation run failed; the next one tries again", e);
        }
    }
}
