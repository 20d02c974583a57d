package dev.refunds.application.audit;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

/** Reads the audit trail, newest first. There is no way to change it. */
public interface AuditTrailUseCase {
    Page<AuditRecord> list(AuditQuery query, PageRequest page);
}
