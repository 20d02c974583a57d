package dev.refunds.application.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One admin write: who did what to which subject, when, why, and in which request. Never changed once written. */
public record AuditRecord(String auditId, Instant at, String operatorId, String operatorName, String action,
                          String subject, Optional<String> reason, String requestId) {
    public AuditRecord {
        Objects.requireNonNull(auditId, "auditId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestId, "requestId");
    }
}
