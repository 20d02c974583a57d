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

    /** Holds the endpoint's row until the transaction ends: claims to one endpoint take turns, on every instance. */
    @Query("SELECT seq FROM webhook_endpoints WHERE endpoint_id = :endpointId FOR UPDATE")
    Optional<Long> lock(String endpointId);

    @Query("UPDATE webhook_endpoints SET deleted_at_ms = :nowMs WHERE business_id = :businessId"
            + " AND endpoint_id = :endpointId AND deleted_at_ms IS NULL")
    long delete(String businessId, String endpointId, long nowMs);
}
