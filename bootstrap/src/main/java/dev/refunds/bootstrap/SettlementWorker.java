package dev.refunds.bootstrap;

import dev.refunds.application.settlement.SettleRefundsUseCase;
import dev.refunds.persistence.DatabaseFailures;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background worker: every {@code refunds.settlement.poll-every} it sends due refunds to the processor and
 * asks about the ones in flight. Every instance runs one; the use case makes that safe. Off with
 * {@code refunds.settlement.enabled=false} (tests that need refunds to stay {@code INITIATED}).
 */
@Singleton
@Requires(property = "refunds.settlement.enabled", notEquals = "false")
final class SettlementWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SettlementWorker.class);
    /** Passes per run while work is left, so a backlog drains without waiting for the next tick. */
    private static final int PASSES_MAX = 20;

    private final SettleRefundsUseCase settle;

    SettlementWorker(SettleRefundsUseCase settle) {
        this.settle = settle;
    }

    @Scheduled(fixedDelay = "${refunds.settlement.poll-every:250ms}", initialDelay = "1s")
    void run() {
        try {
            for (int pass = 0; pass < PASSES_MAX; pass++) {
                if (settle.sendDue() + settle.checkDue() == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (DatabaseFailures.isExpected(e)) {
                LOG.warn("settlement pass failed; the next one tries again ({})", DatabaseFailures.describe(e));
            } else {
                LOG.warn("settlement pass failed; the next one tries again", e);
            }
        }
    }
}
