package dev.refunds.rest.admin;

import dev.refunds.rest.schema.Formats;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.audit.AuditRecord;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {auditId, at, operatorId, operatorName, action, subject, reason, requestId}}. */
@Serdeable
record AuditRecordView(@Schema(pattern = Formats.ID) String auditId,
        @Schema(format = Formats.DATE_TIME) String at,
        @Schema(pattern = Formats.ID) String operatorId, String operatorName,
        @Schema(example = "refund.approve") String action, @Schema(example = "REF_20260517_M4N1J7QZ7D") String subject,
        @Nullable String reason, String requestId) {
    static AuditRecordView of(AuditRecord record) {
        return new AuditRecordView(record.auditId(), record.at().toString(), record.operatorId(),
                record.operatorName(), record.action(), record.subject(), record.reason().orElse(null),
                record.requestId());
    }
}
