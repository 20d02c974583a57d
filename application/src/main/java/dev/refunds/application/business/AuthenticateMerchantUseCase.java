package dev.refunds.application.business;

import dev.refunds.domain.business.Business;

import java.util.Optional;

/** Checks a merchant's three credentials; empty when any is missing or wrong (the caller answers 401). */
public interface AuthenticateMerchantUseCase {
    Optional<Business> authenticate(String clientId, String businessId, String apiKey);
}
