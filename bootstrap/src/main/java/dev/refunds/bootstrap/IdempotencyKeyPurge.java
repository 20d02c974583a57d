package dev.refunds.bootstrap;

import dev.refunds.application.idempotency.PurgeIdempotencyKeys;
import dev.refunds.persistence.DatabaseFailures;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every instance purges expired idempotency keys now and then; deletes by age are safe to run concurrently. */
@Singleton
final class IdempotencyKeyPurge {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final PurgeIdempotencyKeys purge;

    IdempotencyKeyPurge(PurgeIdempotencyKeys purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${refunds.idempotency.purge-every:10m}", initialDelay = "1m")
    void run() {
        try {
            int deleted = purge.run();
            if (deleted > 0) {
                LOG.info("purged {} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            if (DatabaseFailures.isExpected(e)) {
                LOG.warn("purging idempotency keys failed; the next run tries again ({})",
                        DatabaseFailures.describe(e));
            } else {
                LOG.warn("purging idempotency keys failed; the next run tries again", e);
            }
        }
    }
}
