package dev.refunds.application.business;

import dev.refunds.domain.business.Business;

/** A new business and its API key, which is shown this once and stored only as a keyed hash. */
public record CreatedBusiness(Business business, String apiKey) {
}
