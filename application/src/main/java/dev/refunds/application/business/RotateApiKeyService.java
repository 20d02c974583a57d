package dev.refunds.application.business;

import dev.refunds.application.shared.IdGenerator;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.business.BusinessId;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Stripe's "roll key": a new API key, shown once, while the old one keeps working until it expires, so a merchant
 * can deploy the new key without an outage. A second rotation ends the first one's grace: only one old key lives.
 */
public final class RotateApiKeyService {
    public static final Duration EXPIRY_MAX = Duration.ofDays(7);
    public static final Duration EXPIRY_DEFAULT = Duration.ofDays(1);

    private final BusinessKeys keys;
    private final IdGenerator ids;
    private final ApiKeyHasher hasher;
    private final Transactions transactions;
    private final Clock clock;
    private final RecentMerchantKeys recent;

    public RotateApiKeyService(BusinessKeys keys, IdGenerator ids, ApiKeyHasher hasher, Transactions transactions,
                               Clock clock) {
        this(keys, ids, hasher, transactions, clock, RecentMerchantKeys.none());
    }

    /** Also drops the business's keys from {@code recent} once the rotation is over. */
    public RotateApiKeyService(BusinessKeys keys, IdGenerator ids, ApiKeyHasher hasher, Transactions transactions,
                               Clock clock, RecentMerchantKeys recent) {
        this.recent = recent;
        this.keys = keys;
        this.ids = ids;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The new key, or empty when there is no such business. */
    public Optional<String> rotate(BusinessId businessId, Duration oldKeyExpiresIn) {
        if (oldKeyExpiresIn.isNegative() || oldKeyExpiresIn.compareTo(EXPIRY_MAX) > 0) {
            throw new IllegalArgumentException("expiry must be 0 to " + EXPIRY_MAX);
        }
        String apiKey = ids.newApiKey();
        String hash = hasher.hash(apiKey);
        try {
            return transactions.inTransaction(() -> keys.lockCurrentKeyHash(businessId).map(current -> {
                keys.replaceKey(businessId, hash, current, clock.instant().plus(oldKeyExpiresIn));
                return apiKey;
            }));
        } finally {
            recent.forget(businessId);   // even after a failed commit: it may have committed
        }
    }
}
