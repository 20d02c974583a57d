package dev.refunds.application.port;

/** Checks the admin bearer token (configured, or generated at first start). */
public interface AdminAuthenticator {
    boolean isAdminToken(String token);
}
