package dev.refunds.persistence;

import dev.refunds.application.webhook.WebhookHistory;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

@DatabaseBoundary
@Singleton
class JdbcWebhookHistory implements WebhookHistory {
    private final WebhookHistoryRows rows;

    JdbcWebhookHistory(WebhookHistoryRows rows) {
        this.rows = rows;
    }

    @Override
    public int purgeDelivered(Instant before, int batch) {
        List<String> ids = rows.deliveredBefore(Times.millis(before), batch);
        if (ids.isEmpty()) {
            return 0;
        }
        rows.deleteAttempts(ids);
        return (int) rows.deleteDelivered(ids);
    }

    @Override
    public int purgeRelayedEvents(Instant before, int batch) {
        List<String> ids = rows.relayedBefore(Times.millis(before), batch);
        return ids.isEmpty() ? 0 : (int) rows.deleteEvents(ids);
    }
}
