package dev.refunds.application;

/**
 * The database cannot take the work now (connection lost or refused, statement interrupted, a cluster node without
 * quorum or read-only, a lock race the retries did not win); nothing was changed, so the caller may try again.
 * Persistence throws it for its drivers' errors, so nothing above it needs to know a driver's error codes.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
