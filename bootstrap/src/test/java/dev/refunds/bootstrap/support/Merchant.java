package dev.refunds.bootstrap.support;

/** A business's three credentials as the admin API handed them out. */
public record Merchant(String clientId, String businessId, String apiKey) {
    public String[] headers() {
        return new String[] {"Client-Id", clientId, "Business-Id", businessId, "X-Api-Key", apiKey};
    }
}
