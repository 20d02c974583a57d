package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The retention purge's SQL: pick a bounded batch by key, then delete exactly those rows. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface WebhookHistoryRows extends GenericRepository<WebhookDeliveryRow, String> {

    @Query("SELECT delivery_id FROM webhook_deliveries WHERE status = 'SUCCEEDED' AND created_at_ms < :beforeMs"
            + " ORDER BY status, created_at_ms LIMIT :limit")
    List<String> deliveredBefore(long beforeMs, int limit);

    @Query("DELETE FROM webhook_delivery_attempts WHERE delivery_id IN (:deliveryIds)")
    long deleteAttempts(List<String> deliveryIds);

    @Query("DELETE FROM webhook_deliveries WHERE delivery_id IN (:deliveryIds) AND status = 'SUCCEEDED'")
    long deleteDelivered(List<String> deliveryIds);

    @Query("SELECT o.event_id FROM outbox_events o WHERE o.relayed_at_ms < :beforeMs AND NOT EXISTS"
            + " (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = o.event_id)"
            + " ORDER BY o.relayed_at_ms, o.seq LIMIT :limit")
    List<String> relayedBefore(long beforeMs, int limit);

    @Query("DELETE FROM outbox_events WHERE event_id IN (:eventIds) AND relayed_at_ms IS NOT NULL")
    long deleteEvents(List<String> eventIds);
}
