package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.JdbcSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the service's database connections from the server side, as a failover, a network cut or an operator would:
 * MariaDB's {@code KILL} on every connection of the test user to this test's database (other databases on the same
 * server, other engineers' among them, are never touched; this connection is spared). {@code KILL QUERY} aborts
 * only the statements running.
 */
final class ConnectionKiller implements AutoCloseable {
    private final Connection connection;

    ConnectionKiller(JdbcSettings database) {
        try {
            connection = database.connect();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to kill connections", e);
        }
    }

    /** KILL CONNECTION for each of them; returns how many were killed. */
    int killConnections() {
        return kill("KILL CONNECTION ", false);
    }

    /** KILL QUERY for each statement running now; returns how many were aborted. */
    int killQueries() {
        return kill("KILL QUERY ", true);
    }

    private int kill(String command, boolean runningOnly) {
        int killed = 0;
        for (long id : connections(runningOnly)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(command + id);
                killed++;
            } catch (SQLException gone) {
                // it ended by itself meanwhile (unknown thread id)
            }
        }
        return killed;
    }

    private List<Long> connections(boolean runningOnly) {
        List<Long> ids = new ArrayList<>();
        String sql = "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID()"
                + " AND USER = SUBSTRING_INDEX(CURRENT_USER(), '@', 1)" + (runningOnly ? " AND COMMAND = 'Query'" : "");
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return ids;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
