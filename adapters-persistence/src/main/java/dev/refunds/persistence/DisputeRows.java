package dev.refunds.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** SQL for {@code disputes}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface DisputeRows extends CrudRepository<DisputeRow, String> {
}
