package dev.refunds.application.idempotency;

import dev.refunds.application.shared.Transactions;

import java.time.Clock;
import java.time.Duration;

/** Deletes keys past their retention in bounded batches; safe to run on every instance at once. */
public final class PurgeIdempotencyKeys {
    static final int BATCH = 1000;
    static final int BATCHES_MAX = 100;

    private final IdempotencyStore store;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration retention;

    public PurgeIdempotencyKeys(IdempotencyStore store, Transactions transactions, Clock clock, Duration retention) {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("idempotency keys are kept at least 24 h, got " + retention);
        }
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    /** Returns how many keys were deleted. */
    public int run() {
        int deleted = 0;
        for (int batch = 0; batch < BATCHES_MAX; batch++) {
            int gone = transactions.inTransaction(
                    () -> store.purgeCreatedBefore(clock.instant().minus(retention), BATCH));
            deleted += gone;
            if (gone < BATCH) {
                break;
            }
        }
        return deleted;
    }
}
