package dev.refunds.application.port;

import dev.refunds.application.audit.AuditQuery;
import dev.refunds.application.audit.AuditRecord;

/** The append-only audit trail of admin writes. */
public interface AuditTrail {
    /** Appends within the caller's transaction. */
    void append(AuditRecord record);

    /** Newest first; {@link dev.refunds.application.InvalidInputException} for a cursor that is not in the list. */
    Page<AuditRecord> list(AuditQuery query, PageRequest page);
}
