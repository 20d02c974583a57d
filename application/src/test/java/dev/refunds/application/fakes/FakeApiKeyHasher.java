package dev.refunds.application.fakes;

import dev.refunds.application.business.ApiKeyHasher;

/** {@code "hash:" + key}; counts comparisons so a test can see that one ran. */
public final class FakeApiKeyHasher implements ApiKeyHasher {
    private int comparisons;

    @Override
    public String hash(String apiKey) {
        return "hash:" + apiKey;
    }

    @Override
    public boolean matches(String apiKey, String storedHash) {
        comparisons++;
        return hash(apiKey).equals(storedHash);
    }

    public int comparisons() {
        return comparisons;
    }
}
