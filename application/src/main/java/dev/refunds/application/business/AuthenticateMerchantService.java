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

    public AuthenticateMerchantService(BusinessRepository businesses, ApiKeyHasher hasher) {
        this(businesses, hasher, Optional.empty(), Clock.systemUTC());
    }

    /** Also accepts a rotated-out key until it expires ({@code rotatedKeys}). */
    public AuthenticateMerchantService(BusinessRepository businesses, ApiKeyHasher hasher,
                                       Optional<BusinessKeys> rotatedKeys, Clock clock) {
        this.businesses = businesses;
        this.hasher = hasher;
        this.rotatedKeys = rotatedKeys;
        this.clock = clock;
    }

    @Override
    public Optional<Business> authenticate(String clientId, String businessId, String apiKey) {
        if (!present(clientId) || !present(businessId) || !present(apiKey)) {
            return Optional.empty();
        }
        Optional<StoredBusiness> stored = businesses.findWithApiKeyHash(new BusinessId(businessId));
        // The key is hashed and compared even for an unknown business, so timing does not tell ids apart.
        boolean keyMatches = hasher.matches(apiKey, stored.map(StoredBusiness::apiKeyHash).orElse(""));
        if (stored.isEmpty() || !keyMatches && !matchesPreviousKey(stored.get().business().id(), apiKey)) {
            return Optional.empty();
        }
        Business business = stored.get().business();
        return business.clientId().value().equals(clientId) ? Optional.of(business) : Optional.empty();
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
