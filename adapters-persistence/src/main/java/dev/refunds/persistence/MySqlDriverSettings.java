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
 * A URL with several hosts (a Galera cluster) also gets failover settings, and a Galera cluster causal reads
 * ({@link GaleraDetection}). H2 refuses unknown connection settings, so nothing is added to any other URL.
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
            // commit()/rollback() are not sent when the server's last answer said no transaction is open (a
            // read-only call outside a transaction, PooledConnectionsWithoutAutoCommit).
            "useLocalTransactionState", "true",
            "cacheServerConfiguration", "true",
            "maintainTimeStats", "false",
            // A JDBC batch of inserts (a group-commit batch's refunds, events and keys) goes as one multi-row
            // INSERT, one round trip, instead of one statement per row.
            "rewriteBatchedStatements", "true",
            // An unreachable host is given up after 5 s (the driver's default is to wait for the OS).
            "connectTimeout", "5000");
    /**
     * Several hosts: the driver's failover opens the next host read-only unless told otherwise, and every write
     * there then fails ("Connection is read-only"); on Galera every node takes writes. A hung node (not a closed
     * one) would hold a statement for ever: after 10 s the connection counts as lost (a 503, and the pool opens a
     * new one on a host that answers). Each connection tries every host twice before it reports all of them down.
     */
    static final Map<String, String> MULTI_HOST = Map.of(
            "failOverReadOnly", "false",
            "socketTimeout", "10000",
            "retriesAllDown", "2");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = apply(event.getBean());
        GaleraDetection.applyCausalReads(configuration);
        return configuration;
    }

    static DatasourceConfiguration apply(DatasourceConfiguration configuration) {
        String url = configuration.getUrl();
        if (url != null && url.startsWith("jdbc:mysql:")) {
            addMissing(configuration, url, DEFAULTS);
            if (isMultiHost(url)) {
                addMissing(configuration, url, MULTI_HOST);
            }
        }
        return configuration;
    }

    /** {@code jdbc:mysql://a:3306,b:3306/db}: a comma before the path. */
    static boolean isMultiHost(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).contains(",");
    }

    private static void addMissing(DatasourceConfiguration configuration, String url, Map<String, String> settings) {
        settings.forEach((name, value) -> {
            if (!configuration.getDataSourceProperties().containsKey(name) && !url.contains(name + "=")) {
                configuration.addDataSourceProperty(name, value);
            }
        });
    }
}
