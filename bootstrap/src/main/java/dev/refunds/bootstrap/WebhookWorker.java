package dev.refunds.bootstrap;

import dev.refunds.application.webhook.DeliverWebhooksUseCase;
import dev.refunds.application.webhook.RelayWebhookEventsUseCase;
import dev.refunds.persistence.DatabaseFailures;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code refunds.webhooks.poll-every} it fans new outbox events out to deliveries and starts the due
 * deliveries on the sender pool. Every instance runs one; claims in the database make that safe. Off with
 * {@code refunds.webhooks.enabled=false}: events then wait in the outbox for an instance that delivers.
 */
@Singleton
@Requires(property = "refunds.webhooks.enabled", notEquals = "false")
final class WebhookWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    /**
     * Passes per run while work is left, so a backlog drains without waiting for the next tick; a pass of a
     * streaming backlog may start a single delivery (the one whose endpoint's attempt just ended), hence many.
     */
    private static final int PASSES_MAX = 200;

    private final RelayWebhookEventsUseCase relay;
    private final DeliverWebhooksUseCase deliver;

    WebhookWorker(RelayWebhookEventsUseCase relay, DeliverWebhooksUseCase deliver) {
        this.relay = relay;
        this.deliver = deliver;
    }

    @Scheduled(fixedDelay = "${refunds.webhooks.poll-every:250ms}", initialDelay = "1s")
    void run() {
        try {
            for (int pass = 0; pass < PASSES_MAX; pass++) {
                if (relay.relayDue() + deliver.deliverDue() == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (DatabaseFailures.isExpected(e)) {
                LOG.warn("webhook pass failed; the next one tries again ({})", DatabaseFailures.describe(e));
            } else {
                LOG.warn("webhook pass failed; the next one tries again", e);
            }
        }
    }
}
