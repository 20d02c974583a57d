package dev.refunds.application.webhook;

import java.time.Instant;

/**
 * What the retention purge removes: delivered deliveries with their attempts, and outbox events already relayed
 * that no remaining delivery still needs. Each call removes at most {@code batch} and returns how many it did.
 */
public interface WebhookHistory {
    /** {@code SUCCEEDED} deliveries created before {@code before}, and every attempt of theirs. */
    int purgeDelivered(Instant before, int batch);

    /** Outbox events relayed before {@code before} that have no delivery left (none pending, none failed). */
    int purgeRelayedEvents(Instant before, int batch);
}
