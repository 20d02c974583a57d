package dev.refunds.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

/** SQL for {@code disputes}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface DisputeRows extends CrudRepository<DisputeRow, String> {
    @Query("SELECT * FROM disputes WHERE dispute_id = :disputeId FOR UPDATE")
    Optional<DisputeRow> lock(String disputeId);
}
