package dev.refunds.application.port;

import dev.refunds.application.audit.AuditQuery;
import dev.refunds.application.audit.AuditRecord;

import java.util.Collection;
import java.util.Map;

/** The append-only audit trail of admin writes. */
public interface AuditTrail {
    /** Appends within the caller's transaction. */
    void append(AuditRecord record);

    /** Newest first; {@link dev.refunds.application.InvalidInputException} for a cursor that is not in the list. */
    Page<AuditRecord> list(AuditQuery query, PageRequest page);

    /** For each of these refunds that an operator approved or rejected, that operator's name. */
    Map<String, String> reviewers(Collection<String> refundIds);
}
