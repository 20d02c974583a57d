package dev.refunds.application.business;

import dev.refunds.application.business.BusinessRepository.StoredBusiness;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;

import java.time.Clock;
import java.util.Optional;

public final class AuthenticateMerchantService implements AuthenticateMerchantUseCase {
    /** Longer header values are refused before any lookup. */
    static final int CREDENTIAL_LENGTH_MAX = 128;

    private final BusinessRepository businesses;
    private final ApiKeyHasher hasher;
    private final Optional<BusinessKeys> rotatedKeys;
    private final Clock clock;
    private final RecentMerchantKeys recent;

    public AuthenticateMerchantService(BusinessRepository businesses, ApiKeyHasher hasher) {
        this(businesses, hasher, Optional.empty(), Clock.systemUTC());
    }

    /** Also accepts a rotated-out key until it expires ({@code rotatedKeys}). */
    public AuthenticateMerchantService(BusinessRepository businesses, ApiKeyHasher hasher,
                                       Optional<BusinessKeys> rotatedKeys, Clock clock) {
        this(businesses, hasher, rotatedKeys, clock, RecentMerchantKeys.none());
    }

    /** Also keeps a key the database just confirmed for a short while ({@code recent}). */
    public AuthenticateMerchantService(BusinessRepository businesses, ApiKeyHasher hasher,
                                       Optional<BusinessKeys> rotatedKeys, Clock clock, RecentMerchantKeys recent) {
        this.businesses = businesses;
        this.hasher = hasher;
        this.rotatedKeys = rotatedKeys;
        this.clock = clock;
        this.recent = recent;
    }

    @Override
    public Optional<Business> authenticate(String clientId, String businessId, String apiKey) {
        if (!present(clientId) || !present(businessId) || !present(apiKey)) {
            return Optional.empty();
        }
        if (!recent.enabled()) {
            return fromDatabase(clientId, businessId, apiKey).map(Confirmed::business);
        }
        String keyHash = hasher.hash(apiKey);
        Optional<Business> known = recent.find(keyHash, businessId, clientId);
        if (known.isPresent()) {
            return known;
        }
        long mark = recent.mark();
        Optional<Confirmed> confirmed = fromDatabase(clientId, businessId, apiKey);
        // A rotated-out key is not kept: its grace ends at a time of its own, and it is rare.
        confirmed.filter(Confirmed::currentKey).ifPresent(found -> recent.remember(keyHash, found.business(), mark));
        return confirmed.map(Confirmed::business);
    }

    private Optional<Confirmed> fromDatabase(String clientId, String businessId, String apiKey) {
        Optional<StoredBusiness> stored = businesses.findWithApiKeyHash(new BusinessId(businessId));
        // The key is hashed and compared even for an unknown business, so timing does not tell ids apart.
        boolean keyMatches = hasher.matches(apiKey, stored.map(StoredBusiness::apiKeyHash).orElse(""));
        if (stored.isEmpty() || !keyMatches && !matchesPreviousKey(stored.get().business().id(), apiKey)) {
            return Optional.empty();
        }
        Business business = stored.get().business();
        return business.clientId().value().equals(clientId)
                ? Optional.of(new Confirmed(business, keyMatches)) : Optional.empty();
    }

    private record Confirmed(Business business, boolean currentKey) {
    }

    /** Only a key that failed the current one pays for this second read. */
    private boolean matchesPreviousKey(BusinessId businessId, String apiKey) {
        return rotatedKeys.flatMap(keys -> keys.previousKey(businessId))
                .filter(previous -> clock.instant().isBefore(previous.expiresAt()))
                .filter(previous -> hasher.matches(apiKey, previous.hash()))
                .isPresent();
    }

    /** Present, bounded, and without blanks (a database collation may ignore trailing ones). */
    private static boolean present(String value) {
        return value != null && !value.isBlank() && value.length() <= CREDENTIAL_LENGTH_MAX
                && value.chars().noneMatch(c -> c <= ' ' || c > '~');
    }
}
