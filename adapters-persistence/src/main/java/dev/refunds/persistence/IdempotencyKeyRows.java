package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** SQL for {@code idempotency_keys}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface IdempotencyKeyRows extends GenericRepository<IdempotencyKeyRow, String> {

    @Query("SELECT * FROM idempotency_keys WHERE scope = :scope AND idem_key = :idemKey FOR UPDATE")
    Optional<IdempotencyKeyRow> lock(String scope, String idemKey);

    @Query("INSERT INTO idempotency_keys (scope, idem_key, request_hash, owner_token, lease_until_ms, created_at_ms)"
            + " VALUES (:scope, :idemKey, :requestHash, :ownerToken, :leaseUntilMs, :createdAtMs)")
    void insert(String scope, String idemKey, String requestHash, String ownerToken, long leaseUntilMs,
                long createdAtMs);

    @Query("INSERT INTO idempotency_keys (scope, idem_key, request_hash, owner_token, lease_until_ms, created_at_ms,"
            + " response_status, response_body) VALUES (:scope, :idemKey, :requestHash, :ownerToken, :createdAtMs,"
            + " :createdAtMs, :responseStatus, :responseBody)")
    void insertCompleted(String scope, String idemKey, String requestHash, String ownerToken, long createdAtMs,
                         int responseStatus, String responseBody);

    /** New keys in one JDBC batch (one multi-row INSERT with the driver's rewriteBatchedStatements). */
    List<IdempotencyKeyRow> saveAll(Iterable<IdempotencyKeyRow> rows);

    @Query("UPDATE idempotency_keys SET owner_token = :ownerToken, lease_until_ms = :leaseUntilMs"
            + " WHERE scope = :scope AND idem_key = :idemKey AND response_status IS NULL")
    long takeOver(String scope, String idemKey, String ownerToken, long leaseUntilMs);

    @Query("UPDATE idempotency_keys SET response_status = :responseStatus, response_body = :responseBody"
            + " WHERE scope = :scope AND idem_key = :idemKey AND owner_token = :ownerToken"
            + " AND response_status IS NULL")
    long complete(String scope, String idemKey, String ownerToken, int responseStatus, String responseBody);

    @Query("DELETE FROM idempotency_keys WHERE scope = :scope AND idem_key = :idemKey AND owner_token = :ownerToken"
            + " AND response_status IS NULL")
    long release(String scope, String idemKey, String ownerToken);

    @Query("SELECT idem_key FROM idempotency_keys WHERE created_at_ms < :cutoffMs ORDER BY created_at_ms LIMIT :limit")
    List<String> expiredKeys(long cutoffMs, int limit);

    @Query("DELETE FROM idempotency_keys WHERE created_at_ms < :cutoffMs AND idem_key IN (:keys)")
    long deleteExpired(long cutoffMs, List<String> keys);
}
