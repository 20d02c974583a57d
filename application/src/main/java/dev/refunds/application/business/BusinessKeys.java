package dev.refunds.application.business;

import dev.refunds.domain.business.BusinessId;

import java.time.Instant;
import java.util.Optional;

/** A business's API key hashes across a rotation: the current one, and the previous one until it expires. */
public interface BusinessKeys {
    /** The current key's hash, with a lock on the business's row until the transaction ends. */
    Optional<String> lockCurrentKeyHash(BusinessId businessId);

    /** Makes {@code newHash} current and keeps {@code previousHash} valid until {@code previousExpiresAt}. */
    void replaceKey(BusinessId businessId, String newHash, String previousHash, Instant previousExpiresAt);

    /** The key replaced by the last rotation, if there was one. */
    Optional<PreviousKey> previousKey(BusinessId businessId);

    record PreviousKey(String hash, Instant expiresAt) {
    }
}
