package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** SQL for {@code webhook_delivery_attempts}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface WebhookAttemptRows extends GenericRepository<WebhookAttemptRow, Long> {

    @Query("INSERT INTO webhook_delivery_attempts (delivery_id, attempted_at_ms, status_code, latency_ms,"
            + " error_text) VALUES (:deliveryId, :attemptedAtMs, :statusCode, :latencyMs, :errorText)")
    void insert(String deliveryId, long attemptedAtMs, @Nullable Integer statusCode, long latencyMs,
                @Nullable String errorText);

    /** Oldest first. */
    @Query("SELECT * FROM webhook_delivery_attempts WHERE delivery_id IN (:deliveryIds) ORDER BY seq")
    List<WebhookAttemptRow> forDeliveries(List<String> deliveryIds);
}
