package dev.refunds.application.audit;

import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;

public final class AuditTrailService implements AuditTrailUseCase {
    private final AuditTrail trail;

    public AuditTrailService(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public Page<AuditRecord> list(AuditQuery query, PageRequest page) {
        return trail.list(query, page);
    }
}
