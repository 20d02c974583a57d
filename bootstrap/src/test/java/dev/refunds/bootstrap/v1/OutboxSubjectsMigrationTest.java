package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.OnEveryBackend;
import dev.refunds.bootstrap.support.ScratchMariaDbDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V12 makes the outbox subject-generic: events written before it (all refund events) become events of subject
 * {@code refund} with their refund's id, keep their payment and their body byte for byte, and are still relayed;
 * an event that concerns no payment can be written after it. Each run migrates an empty database of its own (the
 * shared MariaDB and Galera test databases are migrated already).
 */
@OnEveryBackend
class OutboxSubjectsMigrationTest {
    private static final String BODY = "{\"type\":\"refund.created\",\"timestamp\":\"2026-01-02T03:04:05Z\","
            + "\"data\":{\"refund\":{\"refundId\":\"REF_1\",\"amount\":\"1.00\",\"metadata\":{\"note\":\"ü \\\"q\\\"\"}},"
            + "\"payment\":{\"paymentId\":\"PAY_1\"}}}";
    @Parameter
    Backend backend;
    private JdbcSettings database;

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            ScratchMariaDbDatabases.drop(database);
        }
    }

    @Test
    void refund_events_written_before_v12_keep_their_refund_payment_and_body_and_other_subjects_fit_after()
            throws SQLException {
        database = backend.emptyDatabase("utf8mb4_bin");
        migrate("11");
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_events (event_id, business_id, event_type, refund_id, payment_id, payload,"
                        + " occurred_at_ms, relayed_at_ms) VALUES ('EVT_1', 'HB_1', 'refund.created', 'REF_1',"
                        + " 'PAY_1', ?, 1, NULL)")) {
            insert.setString(1, BODY);
            insert.executeUpdate();
        }

        migrate(null);

        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO outbox_events (event_id, business_id, event_type, subject_type,"
                    + " subject_id, payload, occurred_at_ms) VALUES ('EVT_2', 'HB_1', 'business.updated', 'business',"
                    + " 'HB_1', '{}', 2)");
            try (ResultSet row = sql.executeQuery("SELECT event_id, subject_type, subject_id, payment_id, payload,"
                    + " relayed_at_ms FROM outbox_events ORDER BY seq")) {
                while (row.next()) {
                    rows.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|"
                            + row.getString(4) + "|" + row.getString(5) + "|" + row.getString(6));
                }
            }
        }
        assertThat(rows).containsExactly("EVT_1|refund|REF_1|PAY_1|" + BODY + "|null",
                "EVT_2|business|HB_1|null|{}|null");
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}
