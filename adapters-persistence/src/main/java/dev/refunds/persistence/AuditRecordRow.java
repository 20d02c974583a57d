package dev.refunds.persistence;

import dev.refunds.application.audit.AuditRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Optional;

/** A row of {@code audit_records}. */
@MappedEntity(value = "audit_records", escape = false)
record AuditRecordRow(@Id String auditId, long atMs, String operatorId, String operatorName, String action,
                      String subject, @Nullable String reason, @Nullable String requestId) {

    AuditRecord toDomain() {
        return new AuditRecord(auditId, Times.instant(atMs), operatorId, operatorName, action, subject,
                Optional.ofNullable(reason), requestId == null ? "" : requestId);
    }
}
