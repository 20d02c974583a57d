package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** SQL for {@code webhook_endpoints}; every read leaves deleted endpoints out. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface WebhookEndpointRows extends GenericRepository<WebhookEndpointRow, String> {

    @Query("INSERT INTO webhook_endpoints (endpoint_id, business_id, url, event_types, signing_secret,"
            + " created_at_ms) VALUES (:endpointId, :businessId, :url, :eventTypes, :signingSecret, :createdAtMs)")
    void insert(String endpointId, String businessId, String url, String eventTypes, String signingSecret,
                long createdAtMs);

    @Query("SELECT * FROM webhook_endpoints WHERE business_id = :businessId AND endpoint_id = :endpointId"
            + " AND deleted_at_ms IS NULL")
    Optional<WebhookEndpointRow> find(String businessId, String endpointId);

    @Query("SELECT * FROM webhook_endpoints WHERE business_id = :businessId AND deleted_at_ms IS NULL ORDER BY seq")
    List<WebhookEndpointRow> list(String businessId);

    @Query("SELECT * FROM webhook_endpoints WHERE business_id IN (:businessIds) AND deleted_at_ms IS NULL"
            + " ORDER BY seq")
    List<WebhookEndpointRow> listForBusinesses(List<String> businessIds);

    @Query("SELECT * FROM webhook_endpoints WHERE endpoint_id = :endpointId AND deleted_at_ms IS NULL")
    Optional<WebhookEndpointRow> findLive(String endpointId);

    /** Holds the business's row: endpoint creations of one business take turns, so the limit holds. */
    @Query("SELECT business_id FROM businesses WHERE business_id = :businessId FOR UPDATE")
    Optional<String> lockBusiness(String businessId);

    @Query("UPDATE webhook_endpoints SET failing_since_ms = NULL WHERE endpoint_id = :endpointId"
            + " AND failing_since_ms IS NOT NULL")
    long recordSuccess(String endpointId);

    @Query("UPDATE webhook_endpoints SET failing_since_ms = :nowMs WHERE endpoint_id = :endpointId"
            + " AND failing_since_ms IS NULL")
    long recordFailure(String endpointId, long nowMs);

    @Query("UPDATE webhook_endpoints SET status = 'DISABLED' WHERE endpoint_id = :endpointId AND status = 'ENABLED'"
            + " AND failing_since_ms <= :sinceMs AND deleted_at_ms IS NULL")
    long disableIfFailingSince(String endpointId, long sinceMs);

    @Query("UPDATE webhook_endpoints SET status = 'DISABLED' WHERE endpoint_id = :endpointId AND status = 'ENABLED'"
            + " AND deleted_at_ms IS NULL")
    long disable(String endpointId);

    @Query("UPDATE webhook_endpoints SET status = 'ENABLED', failing_since_ms = NULL WHERE business_id = :businessId"
            + " AND endpoint_id = :endpointId AND deleted_at_ms IS NULL")
    long enable(String businessId, String endpointId);

    /** The current secret becomes the retiring one (assigned first, so both databases read its old value). */
    @Query("UPDATE webhook_endpoints SET previous_secret = signing_secret, previous_secret_until_ms = :untilMs,"
            + " signing_secret = :newSecret WHERE business_id = :businessId AND endpoint_id = :endpointId"
            + " AND deleted_at_ms IS NULL")
    long rotateSecret(String businessId, String endpointId, String newSecret, long untilMs);

    /** Holds the endpoint's row until the transaction ends: claims to one endpoint take turns, on every instance. */
    @Query("SELECT seq FROM webhook_endpoints WHERE endpoint_id = :endpointId FOR UPDATE")
    Optional<Long> lock(String endpointId);

    @Query("UPDATE webhook_endpoints SET deleted_at_ms = :nowMs WHERE business_id = :businessId"
            + " AND endpoint_id = :endpointId AND deleted_at_ms IS NULL")
    long delete(String businessId, String endpointId, long nowMs);
}
