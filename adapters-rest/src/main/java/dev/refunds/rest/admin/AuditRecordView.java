package dev.refunds.rest.admin;

import dev.refunds.application.audit.AuditRecord;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {auditId, at, operatorId, operatorName, action, subject, reason, requestId}}. */
@Serdeable
record AuditRecordView(String auditId, String at, String operatorId, String operatorName, String action,
                       String subject, String reason, String requestId) {
    static AuditRecordView of(AuditRecord record) {
        return new AuditRecordView(record.auditId(), record.at().toString(), record.operatorId(),
                record.operatorName(), record.action(), record.subject(), record.reason().orElse(null),
                record.requestId());
    }
}
