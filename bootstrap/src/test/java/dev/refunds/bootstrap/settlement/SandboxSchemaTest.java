package dev.refunds.bootstrap.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import dev.refunds.bootstrap.support.ScratchMariaDbDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.refunds.bootstrap.settlement.Settlements.awaitSettled;
import static dev.refunds.bootstrap.settlement.Settlements.paidPayment;
import static dev.refunds.bootstrap.settlement.Settlements.requestRefund;
import static dev.refunds.bootstrap.settlement.Settlements.sandboxSubmitCalls;
import static dev.refunds.bootstrap.settlement.Settlements.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's schema is its own (db/sandbox, history flyway_sandbox_history): a new database and one the
 * previous release migrated (production migrations only, the sandbox's ledger made by their V3, V6_1 and V8) both
 * start, keep production's history as it was, record the sandbox baseline, and settle a refund through the sandbox.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@OnH2AndMariaDb
class SandboxSchemaTest {
    private static final String SANDBOX_HISTORY =
            "SELECT CONCAT(version, ' ', type, ' ', CASE WHEN success THEN 'ok' ELSE 'failed' END)"
            + " FROM flyway_sandbox_history WHERE version IS NOT NULL ORDER BY installed_rank";
    private static final String PRODUCTION_SANDBOX_VERSIONS = "SELECT version FROM flyway_schema_history"
            + " WHERE version IN ('3', '6.1', '8') AND success = TRUE ORDER BY installed_rank";

    private JdbcSettings database;

    @Parameter
    Backend backend;

    @AfterEach
    void dropDatabase() {
        if (database != null && backend != Backend.H2) {
            ScratchMariaDbDatabases.drop(database);
        }
    }

    @Test
    void a_new_database_gets_the_sandbox_baseline_and_settles_a_refund_through_the_sandbox() {
        database = emptyDatabase();

        try (RunningService service = RunningService.start(database, Settlements.WORKER_ON)) {
            assertSettlesThroughTheSandbox(service.api());
        }

        assertThat(strings(database, SANDBOX_HISTORY)).containsExactly("1 BASELINE ok");
        assertThat(strings(database, PRODUCTION_SANDBOX_VERSIONS)).containsExactly("3", "6.1", "8");
    }

    @Test
    void a_database_the_previous_release_migrated_keeps_its_ledger_and_settles_through_the_sandbox()
            throws SQLException {
        database = emptyDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        List<String> checksumsBefore = strings(database, "SELECT CONCAT(version, ' ', checksum)"
                + " FROM flyway_schema_history ORDER BY installed_rank");
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO sandbox_processor_refunds (refund_id, amount_minor, currency, received_at_ms,"
                    + " settle_at_ms, outcome, failure_reason, submit_calls, reverse_at_ms)"
                    + " VALUES ('REF_BEFORE_UPGRADE', 500, 'BDT', 1, 2, 'SUCCEEDED', NULL, 1, NULL)");
        }

        try (RunningService service = RunningService.start(database, Settlements.WORKER_ON)) {
            assertSettlesThroughTheSandbox(service.api());
        }

        assertThat(strings(database, SANDBOX_HISTORY)).containsExactly("1 BASELINE ok");
        assertThat(strings(database, "SELECT CONCAT(version, ' ', checksum) FROM flyway_schema_history"
                + " ORDER BY installed_rank")).isEqualTo(checksumsBefore);
        assertThat(sandboxSubmitCalls(database, "REF_BEFORE_UPGRADE")).containsExactly(1);
    }

    private void assertSettlesThroughTheSandbox(Api api) {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(api, shop, "1000.00", "BDT");
        String refundId = requestRefund(api, shop, paymentId, "250.00").path("refundId").asText();

        JsonNode settled = awaitSettled(api, shop, paymentId, refundId);

        assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(settled.path("processorReference").asText()).isEqualTo("sbx_" + refundId);
        assertThat(sandboxSubmitCalls(database, refundId)).containsExactly(1);
    }

    /** An empty database of this backend, for this test alone (H2: a fresh temporary folder each time). */
    private JdbcSettings emptyDatabase() {
        return backend == Backend.H2 ? backend.newDatabase() : ScratchMariaDbDatabases.create("utf8mb4_bin");
    }
}
