package dev.refunds.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** SQL for {@code businesses}. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BusinessRows extends CrudRepository<BusinessRow, String> {
}
