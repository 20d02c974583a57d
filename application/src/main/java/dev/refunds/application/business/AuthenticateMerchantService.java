package dev.refunds.application.business;

import dev.refunds.application.port.ApiKeyHasher;
import dev.refunds.application.port.BusinessRepository;
import dev.refunds.application.port.BusinessRepository.StoredBusiness;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;

import java.util.Optional;

public final class AuthenticateMerchantService implements AuthenticateMerchantUseCase {
    /** Longer header values are refused before any lookup. */
    static final int CREDENTIAL_LENGTH_MAX = 128;

    private final BusinessRepository businesses;
    private final ApiKeyHasher hasher;

    public AuthenticateMerchantService(BusinessRepository businesses, ApiKeyHasher hasher) {
        this.businesses = businesses;
        this.hasher = hasher;
    }

    @Override
    public Optional<Business> authenticate(String clientId, String businessId, String apiKey) {
        if (!present(clientId) || !present(businessId) || !present(apiKey)) {
            return Optional.empty();
        }
        Optional<StoredBusiness> stored = businesses.findWithApiKeyHash(new BusinessId(businessId));
        // The key is hashed and compared even for an unknown business, so timing does not tell ids apart.
        boolean keyMatches = hasher.matches(apiKey, stored.map(StoredBusiness::apiKeyHash).orElse(""));
        if (stored.isEmpty() || !keyMatches) {
            return Optional.empty();
        }
        Business business = stored.get().business();
        return business.clientId().value().equals(clientId) ? Optional.of(business) : Optional.empty();
    }

    /** Present, bounded, and without blanks (a database collation may ignore trailing ones). */
    private static boolean present(String value) {
        return value != null && !value.isBlank() && value.length() <= CREDENTIAL_LENGTH_MAX
                && value.chars().noneMatch(c -> c <= ' ' || c > '~');
    }
}
