package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** SQL for {@code operators}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OperatorRows extends GenericRepository<OperatorRow, String> {

    @Query("INSERT INTO operators (operator_id, name, role, token_hash, created_at_ms)"
            + " VALUES (:operatorId, :name, :role, :tokenHash, :createdAtMs)")
    void insert(String operatorId, String name, String role, String tokenHash, long createdAtMs);

    @Query("SELECT * FROM operators WHERE token_hash = :tokenHash AND revoked_at_ms IS NULL")
    Optional<OperatorRow> findActive(String tokenHash);

    @Query("SELECT * FROM operators WHERE operator_id = :operatorId FOR UPDATE")
    Optional<OperatorRow> lock(String operatorId);

    @Query("UPDATE operators SET revoked_at_ms = :revokedAtMs WHERE operator_id = :operatorId"
            + " AND revoked_at_ms IS NULL")
    long revoke(String operatorId, long revokedAtMs);

    @Query("SELECT seq FROM operators WHERE operator_id = :operatorId")
    Optional<Long> findSeq(String operatorId);

    @Query("SELECT * FROM operators WHERE seq < :beforeSeq ORDER BY seq DESC LIMIT :limit")
    List<OperatorRow> pageBefore(long beforeSeq, int limit);
}
