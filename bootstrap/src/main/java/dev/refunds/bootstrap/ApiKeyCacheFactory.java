package dev.refunds.bootstrap;

import dev.refunds.application.business.RecentMerchantKeys;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;

import java.time.Clock;
import java.time.Duration;

/** The API key cache ({@code REFUNDS_API_KEY_CACHE_TTL}, README "Settings"). */
@Factory
final class ApiKeyCacheFactory {
    /**
     * Spares the merchant read before most requests; a key revoked elsewhere still works here for the ttl. Built at
     * start-up, so a negative ttl stops the service there rather than failing its first merchant request.
     */
    @Context
    RecentMerchantKeys recentMerchantKeys(@Value("${refunds.api-key-cache-ttl:5s}") Duration ttl, Clock clock) {
        if (ttl.isNegative()) {
            throw new StartupRefusal("REFUNDS_API_KEY_CACHE_TTL (refunds.api-key-cache-ttl) is " + ttl
                    + ", a negative duration; 0s turns the cache off");
        }
        return new RecentMerchantKeys(ttl, clock);
    }
}
