package dev.refunds.application.webhook;

/** Removes webhook history older than the retention period. */
public interface PurgeWebhookHistoryUseCase {
    /** One run: bounded batches, each its own short transaction; returns how many rows of each kind went. */
    Purged purge();

    record Purged(int deliveries, int events) {
    }
}
