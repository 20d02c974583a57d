package dev.refunds.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** SQL for {@code audit_records}: inserts and reads only; there is no UPDATE or DELETE of the trail. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRecordRows extends GenericRepository<AuditRecordRow, String> {

    @Query("INSERT INTO audit_records (audit_id, at_ms, operator_id, operator_name, action, subject, reason,"
            + " request_id) VALUES (:auditId, :atMs, :operatorId, :operatorName, :action, :subject, :reason,"
            + " :requestId)")
    void insert(String auditId, long atMs, String operatorId, String operatorName, String action, String subject,
                @Nullable String reason, String requestId);

    @Query("SELECT seq FROM audit_records WHERE audit_id = :auditId")
    Optional<Long> findSeq(String auditId);

    /** An empty {@code operatorId} or {@code subject} leaves that filter out (a typed value, for H2's sake). */
    @Query("SELECT * FROM audit_records WHERE (:operatorId = '' OR operator_id = :operatorId)"
            + " AND (:subject = '' OR subject = :subject) AND seq < :beforeSeq ORDER BY seq DESC LIMIT :limit")
    List<AuditRecordRow> pageBefore(String operatorId, String subject, long beforeSeq, int limit);
}
