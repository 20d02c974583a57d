package dev.refunds.persistence;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * On MySQL/MariaDB, ids and idempotency keys must compare byte for byte whatever the database's default collation
 * (a default {@code utf8mb4_general_ci} would make {@code ABC} and {@code abc} one key). Before migrating, the
 * schema's default becomes {@code utf8mb4_bin}, so every table a migration creates (any version, present or
 * future) is binary; after migrating, any table that is not (created before this callback existed, or with a
 * collation of its own) is converted. H2 compares strings case-sensitively already: nothing to do there.
 */
final class BinaryCollationOnMySql implements Callback {
    private static final Logger LOG = LoggerFactory.getLogger(BinaryCollationOnMySql.class);
    static final String COLLATION = "utf8mb4_bin";

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection connection = context.getConnection();
            if (!isMySql(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                if (event == Event.BEFORE_MIGRATE) {
                    statement.execute("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE " + COLLATION);
                } else {
                    convertTables(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the schema compare byte for byte (" + COLLATION + ")", e);
        }
    }

    private static void convertTables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet row = statement.executeQuery("SELECT DISTINCT t.table_name FROM information_schema.tables t"
                + " LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema"
                + " AND c.table_name = t.table_name AND c.collation_name IS NOT NULL"
                + " WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'"
                + " AND (t.table_collation <> '" + COLLATION + "' OR c.collation_name <> '" + COLLATION + "')")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        // Foreign keys join columns of the tables converted one by one; the checks return right after.
        statement.execute("SET foreign_key_checks = 0");
        try {
            for (String table : tables) {
                LOG.info("Converting table {} to {} (ids and keys compare byte for byte)", table, COLLATION);
                statement.execute("ALTER TABLE `" + table.replace("`", "``") + "` CONVERT TO CHARACTER SET utf8mb4"
                        + " COLLATE " + COLLATION);
            }
        } finally {
            statement.execute("SET foreign_key_checks = 1");
        }
    }

    private static boolean isMySql(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }

    @Override
    public String getCallbackName() {
        return "binary collation on MySQL/MariaDB";
    }
}
