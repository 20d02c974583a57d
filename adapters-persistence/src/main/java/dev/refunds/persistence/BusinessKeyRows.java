package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** SQL for the key columns of {@code businesses}, current and rotated out. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BusinessKeyRows extends GenericRepository<BusinessRow, String> {

    @Query("SELECT api_key_hash FROM businesses WHERE business_id = :businessId FOR UPDATE")
    Optional<String> lockKeyHash(String businessId);

    @Query("UPDATE businesses SET api_key_hash = :newHash, previous_api_key_hash = :previousHash,"
            + " previous_api_key_expires_at_ms = :previousExpiresAtMs WHERE business_id = :businessId")
    long replace(String businessId, String newHash, String previousHash, long previousExpiresAtMs);

    @Query("SELECT business_id, previous_api_key_hash, previous_api_key_expires_at_ms FROM businesses"
            + " WHERE business_id = :businessId AND previous_api_key_hash IS NOT NULL")
    Optional<PreviousKeyRow> previous(String businessId);

    /** The rotated-out key of one business. */
    @MappedEntity(value = "businesses", escape = false)
    record PreviousKeyRow(@Id String businessId, @Nullable String previousApiKeyHash,
                          @Nullable Long previousApiKeyExpiresAtMs) {
    }
}
