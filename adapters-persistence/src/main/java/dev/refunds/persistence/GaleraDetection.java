package dev.refunds.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * On a MariaDB Galera cluster a node applies other nodes' commits a moment after they are certified, so a read
 * through one instance right after a write through another could miss it. {@code wsrep_sync_wait} makes a
 * statement wait until the node has applied everything committed before it started, but only the first statement
 * of a transaction waits, and only if its kind is in the mask. A keyed POST's transaction begins with the insert of
 * its idempotency key, so reads alone (1) let the refund it then looks up be missing: the mask is 7, reads,
 * updates, deletes and inserts, whichever comes first. It is set as a driver session variable, which the driver sets
 * again on every connection it opens, including the one it fails over to. Detected once at start-up (a plain
 * MariaDB or MySQL has no such setting, or has it off), before the pool exists.
 */
final class GaleraDetection {
    private static final Logger LOG = LoggerFactory.getLogger(GaleraDetection.class);
    static final String CAUSAL_READS = "wsrep_sync_wait=7";
    private static final String SESSION_VARIABLES = "sessionVariables";

    private GaleraDetection() {
    }

    static void applyCausalReads(DatasourceConfiguration configuration) {
        String url = configuration.getUrl();
        if (url == null || !url.startsWith("jdbc:mysql:") || url.contains("wsrep_sync_wait")
                || configuration.getDataSourceProperties().containsKey(SESSION_VARIABLES)) {
            return;
        }
        Properties properties = new Properties();
        configuration.getDataSourceProperties().forEach((name, value) -> properties.put(name, String.valueOf(value)));
        if (configuration.getUsername() != null) {
            properties.put("user", configuration.getUsername());
        }
        if (configuration.getPassword() != null) {
            properties.put("password", configuration.getPassword());
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (isGalera(connection)) {
                configuration.addDataSourceProperty(SESSION_VARIABLES, CAUSAL_READS);
                LOG.info("MariaDB Galera cluster detected: each transaction waits for the node to apply earlier commits ({})",
                        CAUSAL_READS);
            }
        } catch (SQLException e) {
            // The pool's first connection (Flyway, at start-up) reports an unreachable database with its cause.
            LOG.warn("could not ask the database whether it is a Galera cluster: {}", e.getMessage());
        }
    }

    static boolean isGalera(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
            return row.next() && "ON".equalsIgnoreCase(row.getString(2));
        }
    }
}
