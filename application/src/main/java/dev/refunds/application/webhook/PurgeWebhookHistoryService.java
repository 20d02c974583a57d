package dev.refunds.application.webhook;

import dev.refunds.application.shared.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Purges delivered deliveries (with their attempts) and relayed outbox events older than the retention period.
 * Every batch is a transaction of its own over at most {@code batchSize} rows, so the relay and the senders,
 * which touch other rows, never wait behind a long delete; a run stops after {@code batchesMax} batches of each
 * kind and leaves the rest to the next run. Deliveries go first: an event is purged once none needs it.
 */
public final class PurgeWebhookHistoryService implements PurgeWebhookHistoryUseCase {
    private final WebhookHistory history;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;
    private final int batchesMax;

    public PurgeWebhookHistoryService(WebhookHistory history, Transactions transactions, Clock clock,
                                      Duration retention, int batchSize, int batchesMax) {
        this.history = history;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention must be positive");
        }
        if (batchSize < 1 || batchSize > 10_000 || batchesMax < 1) {
            throw new IllegalArgumentException("batchSize must be 1-10000 and batchesMax at least 1");
        }
        this.batchSize = batchSize;
        this.batchesMax = batchesMax;
    }

    @Override
    public Purged purge() {
        Instant before = clock.instant().minus(retention);
        int deliveries = inBatches(() -> history.purgeDelivered(before, batchSize));
        int events = inBatches(() -> history.purgeRelayedEvents(before, batchSize));
        return new Purged(deliveries, events);
    }

    private int inBatches(java.util.function.IntSupplier batch) {
        int total = 0;
        for (int run = 0; run < batchesMax; run++) {
            int purged = transactions.inTransaction(batch::getAsInt);
            total += purged;
            if (purged < batchSize) {
                break;
            }
        }
        return total;
    }
}
