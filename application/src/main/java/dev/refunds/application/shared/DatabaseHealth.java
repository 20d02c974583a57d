package dev.refunds.application.shared;

/** Whether the database answers; used by {@code GET /health}. */
public interface DatabaseHealth {
    boolean isReachable();
}
