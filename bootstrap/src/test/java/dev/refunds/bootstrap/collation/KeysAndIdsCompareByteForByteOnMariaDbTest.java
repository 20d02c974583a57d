package dev.refunds.bootstrap.collation;

import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.ScratchMariaDbDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a MariaDB database created with a case-insensitive default ({@code utf8mb4_general_ci}, as a DBA's plain
 * {@code CREATE DATABASE} often is), migrated by the service together with a later migration written without a
 * collation and with a case-insensitive column (test resource {@code db/collation-test}).
 */
class KeysAndIdsCompareByteForByteOnMariaDbTest extends KeysAndIdsCompareByteForByteContract {
    @Override
    JdbcSettings newDatabase() {
        return ScratchMariaDbDatabases.create("utf8mb4_general_ci");
    }

    @Override
    Map<String, Object> settings() {
        return Map.of("flyway.datasources.default.locations", "classpath:db/migration,classpath:db/collation-test");
    }

    @AfterAll
    void dropDatabase() {
        stop();
        if (database != null) {
            ScratchMariaDbDatabases.drop(database);
        }
    }

    @Test
    void every_text_column_of_every_table_compares_byte_for_byte_including_a_later_migrations() throws SQLException {
        List<String> notBinary = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT table_name, column_name, collation_name"
                    + " FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND collation_name IS NOT NULL AND collation_name <> 'utf8mb4_bin'")) {
                while (row.next()) {
                    notBinary.add(row.getString(1) + "." + row.getString(2) + " " + row.getString(3));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT @@collation_database")) {
                row.next();
                assertThat(row.getString(1)).as("the schema's default").isEqualTo("utf8mb4_bin");
            }
            assertThat(notBinary).as("columns that would compare case-insensitively").isEmpty();
            statement.executeUpdate("INSERT INTO later_collation_probe (probe_key, label) VALUES ('ABC', 'ABC')");
            statement.executeUpdate("INSERT INTO later_collation_probe (probe_key, label) VALUES ('abc', 'abc')");
        }
        assertThat(count("SELECT COUNT(*) FROM later_collation_probe WHERE label = ?", "abc")).isEqualTo(1);
    }
}
