package dev.refunds.application.idempotency;


import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Idempotency keys. Rows are claimed with an owner token and a lease, so a crashed owner's claim expires. */
public interface IdempotencyStore {

    /** A key as stored; {@code response} is present once the first request finished. */
    record KeyRecord(String requestHash, String ownerToken, Instant leaseUntil, Optional<StoredResponse> response) {
    }

    /** Reads the key and locks its row until the transaction ends. */
    Optional<KeyRecord> lock(String scope, String key);

    /** Claims a new key; false when another request inserted it first. */
    boolean insert(String scope, String key, String requestHash, String ownerToken, Instant leaseUntil, Instant now);

    /**
     * Writes a new key already completed with its response (a key whose request ran in this same transaction);
     * false when another request inserted the key first.
     */
    boolean insertCompleted(String scope, String key, String requestHash, String ownerToken, StoredResponse response,
                            Instant now);

    /** A key to write already completed, as {@link #insertCompleted} writes one. */
    record CompletedKey(String scope, String key, String requestHash, String ownerToken, StoredResponse response,
                        Instant now) {
    }

    /**
     * Several new keys already completed, as {@link #insertCompleted} writes each, where the store can in one
     * statement; false when any of them exists (then the caller's transaction must roll back, whatever was written).
     */
    default boolean insertAllCompleted(List<CompletedKey> keys) {
        for (CompletedKey key : keys) {
            if (!insertCompleted(key.scope(), key.key(), key.requestHash(), key.ownerToken(), key.response(),
                    key.now())) {
                return false;
            }
        }
        return true;
    }

    /** Takes over a claim whose lease ran out (its owner crashed or hung). */
    void takeOver(String scope, String key, String ownerToken, Instant leaseUntil);

    /** Records the response, if the claim is still ours; false when it was taken over meanwhile. */
    boolean complete(String scope, String key, String ownerToken, StoredResponse response);

    /** Frees a claim of ours that kept nothing (bad input, a server error). */
    void release(String scope, String key, String ownerToken);

    /** Deletes up to {@code limit} keys created before {@code cutoff}; returns how many went. */
    int purgeCreatedBefore(Instant cutoff, int limit);
}
