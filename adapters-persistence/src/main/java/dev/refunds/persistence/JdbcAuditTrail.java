package dev.refunds.persistence;

import dev.refunds.application.audit.AuditQuery;
import dev.refunds.application.audit.AuditRecord;
import dev.refunds.application.audit.AuditTrail;
import dev.refunds.application.shared.Page;
import dev.refunds.application.shared.PageRequest;
import jakarta.inject.Singleton;


@DatabaseBoundary
@Singleton
class JdbcAuditTrail implements AuditTrail {
    private final AuditRecordRows rows;

    JdbcAuditTrail(AuditRecordRows rows) {
        this.rows = rows;
    }

    @Override
    public void append(AuditRecord record) {
        rows.insert(record.auditId(), Times.millis(record.at()), record.operatorId(), record.operatorName(),
                record.action(), record.subject(), record.reason().orElse(null), record.requestId());
    }

    @Override
    public Page<AuditRecord> list(AuditQuery query, PageRequest page) {
        long before = Pages.cursorSeq(page, rows::findSeq, Long.MAX_VALUE);
        return Pages.of(rows.pageBefore(query.operatorId().orElse(""), query.subject().orElse(""), before,
                page.limit() + 1), page, AuditRecordRow::toDomain);
    }
}
