package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** The relay's SQL on {@code outbox_events}: a row is marked relayed only while it is not yet. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRelayRows extends GenericRepository<UnrelayedEventRow, String> {

    @Query("SELECT event_id, business_id, event_type, occurred_at_ms FROM outbox_events"
            + " WHERE relayed_at_ms IS NULL ORDER BY seq LIMIT :limit")
    List<UnrelayedEventRow> unrelayed(int limit);

    @Query("UPDATE outbox_events SET relayed_at_ms = :nowMs WHERE event_id = :eventId AND relayed_at_ms IS NULL")
    long markRelayed(String eventId, long nowMs);

    @Query("UPDATE outbox_events SET relayed_at_ms = :nowMs WHERE event_id IN (:eventIds)"
            + " AND relayed_at_ms IS NULL")
    long markAllRelayed(List<String> eventIds, long nowMs);

    @Query("SELECT payload FROM outbox_events WHERE event_id = :eventId")
    Optional<String> payload(String eventId);

    @Query("SELECT event_id, payload FROM outbox_events WHERE event_id IN (:eventIds)")
    List<EventPayloadRow> payloads(List<String> eventIds);
}
