package dev.refunds.persistence;

import dev.refunds.application.idempotency.IdempotencyStore;
import dev.refunds.application.idempotency.StoredResponse;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcIdempotencyStore implements IdempotencyStore {
    /** How long an insert waits for another open transaction that inserted the same key (as MariaDB waits). */
    private static final long OPEN_INSERT_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private static final long OPEN_INSERT_PAUSE_MS = 5;

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
        return inserted(() -> rows.insert(scope, key, requestHash, ownerToken, Times.millis(leaseUntil),
                Times.millis(now)));
    }

    @Override
    public boolean insertCompleted(String scope, String key, String requestHash, String ownerToken,
                                   StoredResponse response, Instant now) {
        return inserted(() -> rows.insertCompleted(scope, key, requestHash, ownerToken, Times.millis(now),
                response.status(), response.body()));
    }

    @Override
    public boolean insertAllCompleted(List<CompletedKey> keys) {
        List<IdempotencyKeyRow> completed = keys.stream().map(key -> new IdempotencyKeyRow(key.key(), key.scope(),
                key.requestHash(), key.ownerToken(), Times.millis(key.now()), key.response().status(),
                key.response().body(), Times.millis(key.now()))).toList();
        return completed.isEmpty() || inserted(() -> rows.saveAll(completed));
    }

    /** Runs {@code insert}; false when the key exists, after waiting out another open transaction's insert. */
    private static boolean inserted(Runnable insert) {
        long giveUpAt = System.nanoTime() + OPEN_INSERT_WAIT_NANOS;
        while (true) {
            try {
                insert.run();
                return true;
            } catch (DataAccessException e) {
                if (DuplicateKeys.isDuplicateKey(e)) {
                    return false;
                }
                if (!DuplicateKeys.isInsertedByAnOpenTransaction(e) || System.nanoTime() > giveUpAt) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(OPEN_INSERT_PAUSE_MS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an idempotency key", interrupted);
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
