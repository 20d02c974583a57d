package dev.refunds.application.port;

/** Whether the database answers; used by {@code GET /health}. */
public interface DatabaseHealth {
    boolean isReachable();
}
