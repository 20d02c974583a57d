package dev.refunds.bootstrap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** Where a test database is and how to log in. */
public record JdbcSettings(String url, String user, String password) {
    /**
     * A plain connection for tests that check the books directly in the database. On a cluster (several hosts) it
     * fails over to a writable node and its reads wait for the node to apply every earlier commit, as the
     * service's own connections do: a check must not read a node that is a moment behind.
     */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.put("user", user);
        properties.put("password", password);
        if (hosts().size() > 1) {
            properties.put("failOverReadOnly", "false");
            properties.put("connectTimeout", "3000");
            properties.put("sessionVariables", "wsrep_sync_wait=1");
        }
        return DriverManager.getConnection(url, properties);
    }

    /** The first column of every row {@code sql} returns, read through {@link #connect()}. */
    public List<String> strings(String sql, Object... args) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * The same database with node {@code i} (mod the number of hosts) listed first, so instance i of a test works
     * on its own cluster node and fails over to the others; a single-host URL is returned as it is.
     */
    public JdbcSettings onNode(int i) {
        List<String> hosts = hosts();
        if (hosts.size() < 2) {
            return this;
        }
        List<String> rotated = new ArrayList<>(hosts);
        Collections.rotate(rotated, -Math.floorMod(i, hosts.size()));
        int start = url.indexOf("//") + 2;
        int end = url.indexOf('/', start);
        return new JdbcSettings(url.substring(0, start) + String.join(",", rotated) + url.substring(end), user,
                password);
    }

    /** The {@code host:port} entries of a {@code jdbc:mysql://h1:p1,h2:p2/db} URL (one for H2). */
    public List<String> hosts() {
        int start = url.indexOf("//");
        if (start < 0) {
            return List.of(url);
        }
        int end = url.indexOf('/', start + 2);
        return List.of(url.substring(start + 2, end < 0 ? url.length() : end).split(","));
    }
}
