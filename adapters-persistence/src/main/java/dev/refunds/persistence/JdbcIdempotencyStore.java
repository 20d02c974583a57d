package dev.refunds.persistence;

import dev.refunds.application.idempotency.StoredResponse;
import dev.refunds.application.port.IdempotencyStore;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcIdempotencyStore implements IdempotencyStore {
    private final IdempotencyKeyRows rows;

    JdbcIdempotencyStore(IdempotencyKeyRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<KeyRecord> lock(String scope, String key) {
        return rows.lock(scope, key).map(row -> new KeyRecord(row.requestHash(), row.ownerToken(),
                Times.instant(row.leaseUntilMs()), row.responseStatus() == null ? Optional.empty()
                : Optional.of(new StoredResponse(row.responseStatus(), row.responseBody()))));
    }

    @Override
    public boolean insert(String scope, String key, String requestHash, String ownerToken, Instant leaseUntil,
                          Instant now) {
        try {
            rows.insert(scope, key, requestHash, ownerToken, Times.millis(leaseUntil), Times.millis(now));
            return true;
        } catch (DataAccessException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void takeOver(String scope, String key, String ownerToken, Instant leaseUntil) {
        rows.takeOver(scope, key, ownerToken, Times.millis(leaseUntil));
    }

    @Override
    public boolean complete(String scope, String key, String ownerToken, StoredResponse response) {
        return rows.complete(scope, key, ownerToken, response.status(), response.body()) == 1;
    }

    @Override
    public void release(String scope, String key, String ownerToken) {
        rows.release(scope, key, ownerToken);
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff, int limit) {
        long cutoffMs = Times.millis(cutoff);
        List<String> keys = rows.expiredKeys(cutoffMs, limit);
        return keys.isEmpty() ? 0 : (int) rows.deleteExpired(cutoffMs, keys);
    }
}
