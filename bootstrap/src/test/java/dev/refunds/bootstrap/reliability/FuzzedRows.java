package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.JdbcSettings;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows the fuzzed businesses own, read in one round trip after every request: a rejected request must leave them
 * exactly as they were (and a 400 must not even store its idempotency key).
 */
final class FuzzedRows implements AutoCloseable {
    /** A fingerprint of everything a request could change for the fuzzed businesses, plus their row counts. */
    record State(String digest, String counts, long keys) {
    }

    private final JdbcSettings database;
    private final FuzzedBusinesses fixtures;
    private final boolean webhookTables;
    private Connection digest;

    FuzzedRows(JdbcSettings database, FuzzedBusinesses fixtures) throws SQLException {
        this.database = database;
        this.fixtures = fixtures;
        this.webhookTables = hasWebhookTables(database);
    }

    private static boolean hasWebhookTables(JdbcSettings database) throws SQLException {
        try (Connection connection = database.connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(connection.getCatalog(), null, "webhook_endpoints", null)) {
                return tables.next();
            }
        }
    }

    State state() {
        List<String> businesses = fixtures.businessIds();
        String in = "business_id IN ('" + businesses.get(0) + "', '" + businesses.get(1) + "')";
        // one round trip: each table's row count and an order-free sum of row checksums (MariaDB's CRC32)
        String sql = "SELECT"
                + " (SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', payment_id, status, refunded_minor,"
                + " reserved_minor, counting_refunds, IFNULL(dispute_status, '~'), IFNULL(merchant_ref, '~'),"
                + " IFNULL(description, '~'), amount_minor, currency))), 0)) FROM payments WHERE " + in + "),"
                + " (SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', refund_id, status, amount_minor,"
                + " reason, IFNULL(merchant_ref, '~'), IFNULL(reject_reason, '~'), IFNULL(failure_reason, '~')))), 0))"
                + " FROM refunds WHERE " + in + "),"
                + " (SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', dispute_id, status, reason,"
                + " IFNULL(closed_at_ms, 0)))), 0)) FROM disputes WHERE " + in + "),"
                + " (SELECT COUNT(*) FROM outbox_events WHERE " + in + "),"
                + " (SELECT CONCAT(COUNT(*), ':', COALESCE(MAX(created_at_ms), 0)) FROM businesses),"
                + (webhookTables ? " (SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', endpoint_id, url,"
                + " IFNULL(deleted_at_ms, 0)))), 0)) FROM webhook_endpoints WHERE " + in + ")," : " '-',")
                + " (SELECT COUNT(*) FROM idempotency_keys WHERE scope IN ('" + businesses.get(0) + "', '"
                + businesses.get(1) + "', 'admin'))";
        try (PreparedStatement select = digestConnection().prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            String[] tables = {"payments", "refunds", "disputes", "outbox_events", "businesses", "webhook_endpoints"};
            Map<String, String> counts = new TreeMap<>();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < tables.length; i++) {
                String value = row.getString(i + 1);
                all.append(tables[i]).append('=').append(value).append(';');
                counts.put(tables[i], value.split(":")[0]);
            }
            return new State(all.toString(), counts.toString(), row.getLong(tables.length + 1));
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Connection digestConnection() throws SQLException {
        if (digest == null || digest.isClosed()) {
            digest = database.connect();
            digest.setAutoCommit(true);
        }
        return digest;
    }

    @Override
    public void close() throws SQLException {
        if (digest != null) {
            digest.close();
        }
    }
}
