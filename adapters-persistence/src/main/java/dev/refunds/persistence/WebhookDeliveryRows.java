package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** SQL for {@code webhook_deliveries}: merchant reads name the business; the worker's statements claim by lease. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface WebhookDeliveryRows extends GenericRepository<WebhookDeliveryRow, String> {

    @Query("INSERT INTO webhook_deliveries (delivery_id, endpoint_id, business_id, event_id, event_type, status,"
            + " attempts_left, next_attempt_at_ms, created_at_ms) VALUES (:deliveryId, :endpointId, :businessId,"
            + " :eventId, :eventType, :status, :attemptsLeft, :nextAttemptAtMs, :createdAtMs)")
    void insert(String deliveryId, String endpointId, String businessId, String eventId, String eventType,
                String status, int attemptsLeft, @Nullable Long nextAttemptAtMs, long createdAtMs);

    @Query("SELECT * FROM webhook_deliveries WHERE business_id = :businessId AND delivery_id = :deliveryId")
    Optional<WebhookDeliveryRow> find(String businessId, String deliveryId);

    @Query("SELECT seq FROM webhook_deliveries WHERE business_id = :businessId AND endpoint_id = :endpointId"
            + " AND delivery_id = :deliveryId")
    Optional<Long> findSeq(String businessId, String endpointId, String deliveryId);

    @Query("SELECT * FROM webhook_deliveries WHERE business_id = :businessId AND endpoint_id = :endpointId"
            + " AND seq < :beforeSeq ORDER BY seq DESC LIMIT :limit")
    List<WebhookDeliveryRow> pageBefore(String businessId, String endpointId, long beforeSeq, int limit);

    /**
     * Due and free deliveries ranked within their endpoint; an endpoint gets no more than its free room (the limit
     * less its leases still running), and the ranks interleave endpoints: every endpoint's first, then seconds.
     */
    @Query("SELECT * FROM (SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.endpoint_id"
            + " ORDER BY d.next_attempt_at_ms, d.seq) AS lane_rank FROM webhook_deliveries d"
            + " WHERE d.status = 'PENDING' AND d.next_attempt_at_ms <= :nowMs"
            + " AND (d.lease_until_ms IS NULL OR d.lease_until_ms < :nowMs)) ranked"
            + " LEFT JOIN (SELECT endpoint_id AS busy_endpoint_id, COUNT(*) AS busy FROM webhook_deliveries"
            + " WHERE status = 'PENDING' AND lease_until_ms >= :nowMs GROUP BY endpoint_id) leased"
            + " ON leased.busy_endpoint_id = ranked.endpoint_id"
            + " WHERE ranked.lane_rank + COALESCE(leased.busy, 0) <= :perEndpoint"
            + " ORDER BY ranked.lane_rank, ranked.next_attempt_at_ms, ranked.seq LIMIT :limit")
    List<WebhookDeliveryRow> due(long nowMs, int limit, int perEndpoint);

    /** The endpoint's earliest due delivery that nobody holds (index ix_webhook_deliveries_endpoint_due). */
    @Query("SELECT * FROM webhook_deliveries WHERE endpoint_id = :endpointId AND status = 'PENDING'"
            + " AND next_attempt_at_ms <= :nowMs AND (lease_until_ms IS NULL OR lease_until_ms < :nowMs)"
            + " ORDER BY next_attempt_at_ms, seq LIMIT 1")
    Optional<WebhookDeliveryRow> nextDue(String endpointId, long nowMs);

    /** Attempts to the endpoint whose lease still runs: read after the endpoint's row lock, so it is current. */
    @Query("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = :endpointId AND lease_until_ms >= :nowMs"
            + " AND status = 'PENDING'")
    long inFlight(String endpointId, long nowMs);

    @Query("UPDATE webhook_deliveries SET lease_token = :leaseToken, lease_until_ms = :leaseUntilMs"
            + " WHERE delivery_id = :deliveryId AND status = 'PENDING' AND next_attempt_at_ms <= :nowMs"
            + " AND (lease_until_ms IS NULL OR lease_until_ms < :nowMs)")
    long claim(String deliveryId, String leaseToken, long nowMs, long leaseUntilMs);

    @Query("UPDATE webhook_deliveries SET status = :status, attempts_left = :attemptsLeft,"
            + " next_attempt_at_ms = :nextAttemptAtMs, lease_token = NULL, lease_until_ms = NULL"
            + " WHERE delivery_id = :deliveryId AND lease_token = :leaseToken")
    long finish(String deliveryId, String leaseToken, String status, int attemptsLeft,
                @Nullable Long nextAttemptAtMs);

    @Query("UPDATE webhook_deliveries SET status = 'PENDING', attempts_left = :attemptsLeft,"
            + " next_attempt_at_ms = :nowMs, lease_token = NULL, lease_until_ms = NULL"
            + " WHERE business_id = :businessId AND delivery_id = :deliveryId AND status = 'FAILED'")
    long retryFailed(String businessId, String deliveryId, int attemptsLeft, long nowMs);

    @Query("UPDATE webhook_deliveries SET status = 'PENDING', attempts_left = :attemptsLeft,"
            + " next_attempt_at_ms = :nowMs, lease_token = NULL, lease_until_ms = NULL"
            + " WHERE endpoint_id = :endpointId AND status = 'FAILED' AND created_at_ms >= :sinceMs"
            + " AND created_at_ms < :untilMs")
    long recoverFailed(String endpointId, long sinceMs, long untilMs, int attemptsLeft, long nowMs);

    @Query("UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at_ms = NULL"
            + " WHERE endpoint_id = :endpointId AND status = 'PENDING'")
    long stopPending(String endpointId);
}
