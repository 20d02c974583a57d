package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.ScratchMariaDbDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 gives refunds reviewed before {@code reviewed_by} existed the operator's name from their audit record; refunds
 * nobody reviewed keep {@code NULL}.
 */
@OnH2AndMariaDb
class ReviewedByBackfillTest {
    private JdbcSettings database;

    @Parameter
    Backend backend;

    /** An empty database of this backend, for this test alone (H2: a fresh temporary folder each time). */
    JdbcSettings emptyDatabase() {
        return backend == Backend.H2 ? backend.newDatabase() : ScratchMariaDbDatabases.create("utf8mb4_bin");
    }

    @AfterEach
    void dropDatabase() {
        if (database != null && backend != Backend.H2) {
            ScratchMariaDbDatabases.drop(database);
        }
    }

    @Test
    void reviewed_refunds_take_their_reviewer_from_the_audit_trail_and_the_others_stay_null() throws SQLException {
        database = emptyDatabase();
        migrate("9");
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate(refund("REF_APPROVED", "INITIATED") + "," + refund("REF_REJECTED", "REJECTED") + ","
                    + refund("REF_WAITING", "PENDING_REVIEW") + "," + refund("REF_AUTO", "COMPLETED"));
            sql.executeUpdate("INSERT INTO audit_records (audit_id, at_ms, operator_id, operator_name, action,"
                    + " subject) VALUES ('AUD_1', 1, 'OP_1', 'Nadia', 'refund.approved', 'REF_APPROVED'),"
                    + " ('AUD_2', 2, 'OP_2', 'Tariq', 'refund.rejected', 'REF_REJECTED'),"
                    + " ('AUD_3', 3, 'OP_1', 'Nadia', 'business.created', 'REF_AUTO')");
        }

        migrate(null);

        Map<String, String> reviewers = new HashMap<>();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT refund_id, reviewed_by FROM refunds")) {
            while (rows.next()) {
                reviewers.put(rows.getString(1), rows.getString(2));
            }
        }
        Map<String, String> expected = new HashMap<>();
        expected.put("REF_APPROVED", "Nadia");
        expected.put("REF_REJECTED", "Tariq");
        expected.put("REF_WAITING", null);
        expected.put("REF_AUTO", null);
        assertThat(reviewers).isEqualTo(expected);
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static String refund(String refundId, String status) {
        return (refundId.equals("REF_APPROVED") ? "INSERT INTO refunds (refund_id, payment_id, business_id,"
                + " amount_minor, currency, status, reason, initiated_at_ms, updated_at_ms) VALUES " : "")
                + "('" + refundId + "', 'PAY_1', 'HB_1', 100, 'BDT', '" + status + "', 'r', 1, 1)";
    }
}
