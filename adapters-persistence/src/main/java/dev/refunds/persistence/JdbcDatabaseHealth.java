package dev.refunds.persistence;

import dev.refunds.application.shared.DatabaseHealth;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

@Singleton
final class JdbcDatabaseHealth implements DatabaseHealth {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabaseHealth.class);
    private static final int VALID_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    JdbcDatabaseHealth(DataSource dataSource) {
        // The injected data source only hands out the current transaction's connection; the check needs its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.warn("database health check failed: {}", e.getMessage());
            return false;
        }
    }
}
