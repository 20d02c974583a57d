package dev.refunds.application.shared;

import java.util.Optional;

/**
 * Keyed fingerprints (never the secrets) of the settings every instance on one database must share, so an instance
 * started with another secret can tell before it answers anyone.
 */
public interface SecretFingerprints {
    Optional<String> find(String setting);

    /** Records {@code fingerprint} unless one is recorded already; returns the one recorded afterwards. */
    String recordIfAbsent(String setting, String fingerprint);

    /** Replaces {@code expected} by {@code replacement}; false when the recorded one was not {@code expected}. */
    boolean replace(String setting, String expected, String replacement);
}
