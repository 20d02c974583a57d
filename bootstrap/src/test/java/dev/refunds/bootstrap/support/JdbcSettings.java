package dev.refunds.bootstrap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where a test database is and how to log in. */
public record JdbcSettings(String url, String user, String password) {
    /** A plain connection for tests that check the books directly in the database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
