package dev.refunds.application.audit;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

/** The append-only audit trail of admin writes. */
public interface AuditTrail {
    /** Appends within the caller's transaction. */
    void append(AuditRecord record);

    /** Newest first; {@link dev.refunds.application.InvalidInputException} for a cursor that is not in the list. */
    Page<AuditRecord> list(AuditQuery query, PageRequest page);
}
