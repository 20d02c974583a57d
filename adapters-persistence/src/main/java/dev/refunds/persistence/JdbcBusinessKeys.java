package dev.refunds.persistence;

import dev.refunds.application.business.BusinessKeys;
import dev.refunds.domain.business.BusinessId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

@DatabaseBoundary
@Singleton
class JdbcBusinessKeys implements BusinessKeys {
    private final BusinessKeyRows rows;

    JdbcBusinessKeys(BusinessKeyRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<String> lockCurrentKeyHash(BusinessId businessId) {
        return rows.lockKeyHash(businessId.value());
    }

    @Override
    public void replaceKey(BusinessId businessId, String newHash, String previousHash, Instant previousExpiresAt) {
        if (rows.replace(businessId.value(), newHash, previousHash, Times.millis(previousExpiresAt)) != 1) {
            throw new IllegalStateException("business " + businessId + " vanished under its lock");
        }
    }

    @Override
    public Optional<PreviousKey> previousKey(BusinessId businessId) {
        return rows.previous(businessId.value())
                .filter(row -> row.previousApiKeyHash() != null && row.previousApiKeyExpiresAtMs() != null)
                .map(row -> new PreviousKey(row.previousApiKeyHash(),
                        Times.instant(row.previousApiKeyExpiresAtMs())));
    }
}
