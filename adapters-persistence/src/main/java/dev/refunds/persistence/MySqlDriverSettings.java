package dev.refunds.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Settings for mysql-connector-j, added to a MySQL/MariaDB data source unless configured otherwise. The driver
 * prepares statements on the client and, by default, parses every statement's SQL again on every execution: the
 * benchmark's profile showed that parsing as the largest single cost of a refund request (BENCHMARKS.md). The
 * statement cache keeps each connection's parsed SQL. Result-set metadata is deliberately not cached: a rolling
 * deploy may migrate the schema under a running instance, and {@code SELECT *} must then see the new columns.
 * H2 refuses unknown connection settings, so nothing is added to any other URL.
 */
@Singleton
final class MySqlDriverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final Map<String, String> DEFAULTS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            "prepStmtCacheSqlLimit", "2048",
            // Connection.getAutoCommit()/getTransactionIsolation() answered from the driver's own state, not
            // by a query: nothing in the service changes session state by hand.
            "useLocalSessionState", "true",
            "cacheServerConfiguration", "true",
            "maintainTimeStats", "false");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        return apply(event.getBean());
    }

    static DatasourceConfiguration apply(DatasourceConfiguration configuration) {
        String url = configuration.getUrl();
        if (url != null && url.startsWith("jdbc:mysql:")) {
            DEFAULTS.forEach((name, value) -> {
                if (!configuration.getDataSourceProperties().containsKey(name) && !url.contains(name + "=")) {
                    configuration.addDataSourceProperty(name, value);
                }
            });
        }
        return configuration;
    }
}
