package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.JdbcSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/**
 * What the tests read and arrange directly in the database: row counts that prove nothing new was created, and
 * rows of {@code idempotency_keys} (as a crashed instance or an old day left them). Plain JDBC, one short
 * connection per call; the database may be shared with other tests, so every query names its own ids.
 */
final class Database {
    /** A row of {@code idempotency_keys}. */
    record KeyRow(String scope, String key, String requestHash, String ownerToken, long leaseUntilMs,
                  Integer responseStatus, String responseBody, long createdAtMs) {
        boolean inProgress() {
            return responseStatus == null;
        }
    }

    private final JdbcSettings settings;

    Database(JdbcSettings settings) {
        this.settings = settings;
    }

    long count(String sql, Object... parameters) {
        try (Connection connection = settings.connect();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long refundsOf(String paymentId) {
        return count("SELECT COUNT(*) FROM refunds WHERE payment_id = ?", paymentId);
    }

    long eventsOf(String paymentId) {
        return count("SELECT COUNT(*) FROM outbox_events WHERE payment_id = ?", paymentId);
    }

    long eventsOf(String paymentId, String type) {
        return count("SELECT COUNT(*) FROM outbox_events WHERE payment_id = ? AND event_type = ?", paymentId, type);
    }

    long paymentsOf(String businessId) {
        return count("SELECT COUNT(*) FROM payments WHERE business_id = ?", businessId);
    }

    long disputesOf(String paymentId) {
        return count("SELECT COUNT(*) FROM disputes WHERE payment_id = ?", paymentId);
    }

    long businessesNamed(String name) {
        return count("SELECT COUNT(*) FROM businesses WHERE name = ?", name);
    }

    Optional<KeyRow> key(String scope, String key) {
        String sql = "SELECT scope, idem_key, request_hash, owner_token, lease_until_ms, response_status,"
                + " response_body, created_at_ms FROM idempotency_keys WHERE scope = ? AND idem_key = ?";
        try (Connection connection = settings.connect();
             PreparedStatement statement = prepare(connection, sql, scope, key);
             ResultSet result = statement.executeQuery()) {
            if (!result.next()) {
                return Optional.empty();
            }
            int status = result.getInt(6);
            Integer responseStatus = result.wasNull() ? null : status;
            return Optional.of(new KeyRow(result.getString(1), result.getString(2), result.getString(3),
                    result.getString(4), result.getLong(5), responseStatus, result.getString(7), result.getLong(8)));
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void insertKey(KeyRow row) {
        insertKeys(List.of(row));
    }

    /** Inserts the rows in one batch, as another instance (or another day) would have left them. */
    void insertKeys(List<KeyRow> rows) {
        String sql = "INSERT INTO idempotency_keys (scope, idem_key, request_hash, owner_token, lease_until_ms,"
                + " response_status, response_body, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = settings.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (KeyRow row : rows) {
                statement.setString(1, row.scope());
                statement.setString(2, row.key());
                statement.setString(3, row.requestHash());
                statement.setString(4, row.ownerToken());
                statement.setLong(5, row.leaseUntilMs());
                if (row.responseStatus() == null) {
                    statement.setNull(6, Types.INTEGER);
                } else {
                    statement.setInt(6, row.responseStatus());
                }
                statement.setString(7, row.responseBody());
                statement.setLong(8, row.createdAtMs());
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection connection = settings.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Opens a transaction that holds the payment's row lock until {@link RowLock#close()}: a request that needs
     * the payment waits meanwhile, as it would behind a slow request on another instance.
     */
    RowLock lockPayment(String paymentId) {
        try {
            Connection connection = settings.connect();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = prepare(connection,
                    "SELECT payment_id FROM payments WHERE payment_id = ? FOR UPDATE", paymentId);
                 ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    connection.close();
                    throw new IllegalStateException("no payment " + paymentId);
                }
            }
            return new RowLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("locking payment " + paymentId, e);
        }
    }

    static final class RowLock implements AutoCloseable {
        private final Connection connection;

        private RowLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("releasing a row lock", e);
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
