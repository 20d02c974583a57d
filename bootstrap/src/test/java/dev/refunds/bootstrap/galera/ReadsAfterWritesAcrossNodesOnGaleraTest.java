package dev.refunds.bootstrap.galera;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on two different Galera nodes: whatever one instance acknowledged, the other shows at once. A node
 * applies other nodes' commits a moment after they are certified, so without the service's causal reads
 * ({@code wsrep_sync_wait}, set only when it finds Galera) these reads, and the reads of a transaction that begins
 * with a write, would now and then miss the write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReadsAfterWritesAcrossNodesOnGaleraTest {
    private static final int ROUNDS = 60;

    private RunningService first;
    private RunningService second;

    @BeforeAll
    void startOneInstanceOnEachOfTwoNodes() {
        JdbcSettings cluster = Backend.GALERA.newDatabase();
        first = RunningService.start(cluster.onNode(0));
        second = RunningService.start(cluster.onNode(1));
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void a_payment_and_a_refund_written_through_one_node_are_read_at_once_through_the_other() {
        Api writer = first.api();
        Api reader = second.api();
        Merchant shop = writer.createBusiness("AUTO", "MULTIPLE", null);
        for (int round = 0; round < ROUNDS; round++) {
            Api w = round % 2 == 0 ? writer : reader;
            Api r = round % 2 == 0 ? reader : writer;
            JsonNode paid = w.payment(shop, "100.00", "BDT", "LINK", true);
            String paymentId = paid.path("paymentId").asText();
            ApiResponse read = r.get("/api/v1/payments/" + paymentId, shop.headers());
            assertThat(read.status()).as("round %d: payment read through the other node: %s", round, read)
                    .isEqualTo(200);
            assertThat(read.text("status")).as("round %d", round).isEqualTo("COMPLETED");

            ApiResponse refund = r.post("/api/v1/payments/" + paymentId + "/refunds",
                    Api.json(Map.of("amount", "30.00", "reason", "causal read")), shop.headers());
            assertThat(refund.status()).as("round %d: %s", round, refund).isEqualTo(202);
            ApiResponse after = w.get("/api/v1/payments/" + paymentId, shop.headers());
            assertThat(after.text("refundableAmount")).as("round %d: refundable seen back on the first node", round)
                    .isEqualTo("70.00");
        }
    }

    /**
     * A keyed POST's transaction begins with the insert of its key, and Galera makes only a transaction's first
     * statement wait: with reads alone in the mask, the refund the approval then looks up could be missing (a
     * {@code 404} for a refund the other instance had just acknowledged, as the node-faults test once saw).
     */
    @Test
    void a_refund_requested_through_one_node_is_approved_under_a_key_through_the_other() {
        Merchant shop = first.api().createBusiness("MANUAL", "MULTIPLE", null);
        for (int round = 0; round < ROUNDS; round++) {
            Api w = round % 2 == 0 ? first.api() : second.api();
            Api r = round % 2 == 0 ? second.api() : first.api();
            JsonNode paid = w.payment(shop, "100.00", "BDT", "LINK", true);
            ApiResponse requested = w.post("/api/v1/payments/" + paid.path("paymentId").asText() + "/refunds",
                    Api.json(Map.of("amount", "30.00", "reason", "causal write")),
                    Api.with(shop.headers(), "Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(requested.status()).as("round %d: %s", round, requested).isEqualTo(202);
            ApiResponse approved = r.post("/api/admin/refunds/" + requested.text("refundId") + "/approve", null,
                    Api.with(Api.admin(), "Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(approved.status()).as("round %d: keyed approval through the other node: %s", round, approved)
                    .isEqualTo(200);
        }
    }

    @Test
    void the_service_found_galera_and_makes_every_transaction_wait_for_earlier_commits() throws SQLException {
        long readsUpdatesDeletesAndInserts = 1 | 2 | 4;
        assertThat(syncWait(first)).isEqualTo(readsUpdatesDeletesAndInserts);
        assertThat(syncWait(second)).isEqualTo(readsUpdatesDeletesAndInserts);
    }

    @Test
    void on_a_single_mariadb_it_leaves_the_setting_alone() throws SQLException {
        try (RunningService single = RunningService.start(Backend.MARIADB.newDatabase(), Map.of())) {
            assertThat(syncWait(single)).as("wsrep_sync_wait outside a cluster").isZero();
        }
    }

    private static long syncWait(RunningService service) throws SQLException {
        DataSource pool = DelegatingDataSource.unwrapDataSource(service.bean(DataSource.class));
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@session.wsrep_sync_wait")) {
            row.next();
            return row.getLong(1);
        }
    }
}
