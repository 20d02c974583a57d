package dev.refunds.application.audit;

import java.util.Objects;
import java.util.Optional;

/** Filters of the audit trail: one operator's acts, one subject's history, or everything. */
public record AuditQuery(Optional<String> operatorId, Optional<String> subject) {
    public AuditQuery {
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(subject, "subject");
    }
}
