package dev.refunds.persistence;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;

import javax.sql.DataSource;

/**
 * Creates the data source when the service starts, not at the first request, so Flyway migrates the schema at
 * start-up and a wrong database setting stops the service at once with a clear error.
 */
@Context
final class MigrateAtStartup {
    private final DataSource dataSource;

    MigrateAtStartup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void touch() {
        dataSource.getClass();   // the bean exists now; Flyway's listener migrated it when it was created
    }
}
