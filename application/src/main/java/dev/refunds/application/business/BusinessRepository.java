package dev.refunds.application.business;

import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.BusinessId;

import java.util.Optional;

/** Where businesses and the hashes of their API keys live. */
public interface BusinessRepository {
    void insert(Business business, String apiKeyHash);

    Optional<Business> findById(BusinessId id);

    /** The business with the stored hash of its API key, in one read (this runs on every request). */
    Optional<StoredBusiness> findWithApiKeyHash(BusinessId id);

    record StoredBusiness(Business business, String apiKeyHash) {
    }
}
