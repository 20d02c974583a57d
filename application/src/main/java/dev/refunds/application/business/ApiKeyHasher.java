package dev.refunds.application.business;

/** A keyed hash of an API key (HMAC-SHA-256 with a server secret): fast, because it runs on every request. */
public interface ApiKeyHasher {
    String hash(String apiKey);

    /** Compares a presented key with a stored hash in constant time. */
    boolean matches(String apiKey, String storedHash);
}
