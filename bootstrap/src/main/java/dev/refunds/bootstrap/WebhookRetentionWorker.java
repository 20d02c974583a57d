package dev.refunds.bootstrap;

import dev.refunds.application.webhook.PurgeWebhookHistoryUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code refunds.webhooks.purge-every} it purges webhook history older than
 * {@code refunds.webhooks.retention}, on its own schedule, apart from the relay and the senders. Every instance
 * runs one; two purging at once delete disjoint or already-deleted rows.
 */
@Singleton
@Requires(property = "refunds.webhooks.enabled", notEquals = "false")
final class WebhookRetentionWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRetentionWorker.class);

    private final PurgeWebhookHistoryUseCase purge;

    WebhookRetentionWorker(PurgeWebhookHistoryUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(fixedDelay = "${refunds.webhooks.purge-every:10m}", initialDelay = "${refunds.webhooks.purge-every:10m}")
    void run() {
        try {
            PurgeWebhookHistoryUseCase.Purged purged = purge.purge();
            if (purged.deliveries() + purged.events() > 0) {
                LOG.info("purged {} delivered webhook deliveries and {} relayed outbox events past retention",
                        purged.deliveries(), purged.events());
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook retention purge failed; the next run tries again", e);
        }
    }
}
