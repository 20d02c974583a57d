package dev.refunds.application.operator;

/** Checks the admin bearer token (configured, or generated at first start). */
public interface AdminAuthenticator {
    boolean isAdminToken(String token);
}
