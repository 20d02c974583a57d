package dev.refunds.bootstrap.jar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.process.ServiceProcess;
import dev.refunds.bootstrap.support.process.ServiceProcesses;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The real jar in its own process: its management endpoints, and SIGTERM in the middle of a load. */
class ServiceJarIT {
    private static final int CLIENTS = 8;
    private static final int PAYMENTS = 10;
    /** SIGTERM comes once this many refunds were answered (a slow machine takes longer to get there). */
    private static final int ANSWERED_BEFORE_SIGTERM = 21;
    private static final long LOAD_PATIENCE_SECONDS = 60;
    private static final long EXIT_WAIT_SECONDS = 40;

    private final JdbcSettings database = Backend.MARIADB.newDatabase();

    @Test
    void the_jar_answers_health_its_openapi_document_and_metrics_only_for_the_admin() throws IOException {
        try (ServiceProcess jar = ServiceProcesses.jar(database, Map.of())) {
            Api api = jar.api();
            assertThat(api.get("/health").status()).isEqualTo(200);
            ApiResponse openApi = api.get("/openapi.yml");
            assertThat(openApi.status()).isEqualTo(200);
            assertThat(openApi.raw()).contains("/api/v1/payments/{paymentId}/refunds", "/api/v2/refundPayment");
            assertThat(api.get("/metrics").status()).isEqualTo(401);
            ApiResponse metrics = api.get("/metrics", Api.admin());
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.raw()).contains("http_server_requests_seconds_count", "refunds_outbox_backlog",
                    "refunds_settlement_lag_seconds", "refunds_webhook_attempts_failed", "refunds_refunds{status=");
        }
    }

    @Test
    void sigterm_during_load_loses_no_answered_request_and_leaves_nothing_half_done() throws Exception {
        ServiceProcess jar = ServiceProcesses.jar(database, Map.of("REFUNDS_SANDBOX_SETTLE_DELAY", "0s"));
        Api api = jar.api();
        String[] admin = Api.admin();
        JsonNode business = api.post("/api/admin/businesses",
                "{\"name\":\"shutdown\",\"reviewMode\":\"AUTO\",\"refundMode\":\"MULTIPLE\"}", admin).data();
        String[] merchant = {"Client-Id", business.get("clientId").asText(), "Business-Id",
                business.get("businessId").asText(), "X-Api-Key", business.get("apiKey").asText()};
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String id = api.post("/api/v1/payments", "{\"amount\":\"1000.00\",\"currency\":\"USD\"}", merchant)
                    .text("paymentId");
            api.post("/api/v1/payments/" + id + "/complete", null, merchant);
            payments.add(id);
        }

        Set<String> answeredRefunds = ConcurrentHashMap.newKeySet();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> load(jar.api(), merchant, payments, answeredRefunds, unanswered, serverErrors, stop));
        }
        long loadDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_PATIENCE_SECONDS);
        while (answeredRefunds.size() < ANSWERED_BEFORE_SIGTERM && System.nanoTime() < loadDeadline) {
            sleep(20);
        }
        int answeredBeforeSigterm = answeredRefunds.size();
        jar.sigterm();
        boolean exited = jar.awaitExit(Duration.ofSeconds(EXIT_WAIT_SECONDS)).isPresent();
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(exited).as("the service exits after SIGTERM:\n%s", jar.log()).isTrue();
        jar.close();

        System.out.printf("[shutdown] answered before SIGTERM=%d, answered in all=%d, unanswered=%d, 5xx=%d%n",
                answeredBeforeSigterm, answeredRefunds.size(), unanswered.get(), serverErrors.get());
        assertThat(answeredBeforeSigterm).as("load was running").isGreaterThanOrEqualTo(ANSWERED_BEFORE_SIGTERM);
        assertThat(serverErrors.get()).as("5xx answers").isZero();
        try (Connection connection = database.connect()) {
            String businessId = business.get("businessId").asText();
            Set<String> stored = refundIdsOf(connection, businessId);
            assertThat(stored).as("every answered refund was kept").containsAll(answeredRefunds);
            assertThat(count(connection, "SELECT COUNT(*) FROM idempotency_keys WHERE scope = ?"
                    + " AND response_status IS NULL", businessId)).as("requests left half done").isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM refunds r WHERE r.business_id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM outbox_events e WHERE e.subject_id = r.refund_id"
                    + " AND e.event_type = 'refund.created')", businessId)).as("refunds without their event").isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM payments p WHERE p.business_id = ? AND"
                    + " (p.reserved_minor <> (SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r WHERE"
                    + " r.payment_id = p.payment_id AND r.status IN ('PENDING_REVIEW', 'INITIATED', 'PROCESSING'))"
                    + " OR p.refunded_minor <> (SELECT COALESCE(SUM(r.amount_minor), 0) FROM refunds r WHERE"
                    + " r.payment_id = p.payment_id AND r.status = 'COMPLETED'))", businessId))
                    .as("payments whose totals disagree with their refunds").isZero();
        }
    }

    @Test
    void on_its_embedded_default_the_jar_settles_a_refund_and_stops_on_sigterm_without_a_warning() throws Exception {
        ServiceProcess jar = ServiceProcesses.jar(null, Map.of("REFUNDS_SANDBOX_SETTLE_DELAY", "0s",
                "REFUNDS_WEBHOOKS_POLL_EVERY", "20ms", "REFUNDS_SETTLEMENT_POLL_EVERY", "20ms"));
        try {
            Api api = jar.api();
            JsonNode business = api.post("/api/admin/businesses",
                    "{\"name\":\"embedded\",\"reviewMode\":\"AUTO\",\"refundMode\":\"MULTIPLE\"}",
                    Api.admin()).data();
            String[] merchant = {"Client-Id", business.get("clientId").asText(), "Business-Id",
                    business.get("businessId").asText(), "X-Api-Key", business.get("apiKey").asText()};
            String paymentId = api.post("/api/v1/payments", "{\"amount\":\"1000.00\",\"currency\":\"BDT\"}",
                    merchant).text("paymentId");
            api.post("/api/v1/payments/" + paymentId + "/complete", null, merchant);
            String[] keyed = {merchant[0], merchant[1], merchant[2], merchant[3], merchant[4], merchant[5],
                    "X-Idempotency-Key", "embedded-1"};
            String refundId = api.post("/api/v1/payments/" + paymentId + "/refunds",
                    "{\"amount\":\"400.00\",\"reason\":\"one item returned\"}", keyed).text("refundId");
            String status = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!status.equals("COMPLETED") && System.nanoTime() < deadline) {
                sleep(100);
                status = api.get("/api/v1/payments/" + paymentId + "/refunds/" + refundId, merchant).text("status");
            }
            assertThat(status).as("the refund settles on the embedded database").isEqualTo("COMPLETED");
            assertThat(api.get("/api/v1/payments/" + paymentId, merchant).text("refundTotal")).isEqualTo("400.00");

            jar.sigterm();   // while both workers poll
            assertThat(jar.awaitExit(Duration.ofSeconds(EXIT_WAIT_SECONDS))).as("exits:\n%s", jar.log())
                    .isPresent();
            assertThat(jar.log()).as("the service's log").doesNotContainPattern("Z (WARN|ERROR) ");
        } finally {
            jar.close();
        }
    }

    private static void load(Api api, String[] merchant, List<String> payments, Set<String> answered,
                             AtomicInteger unanswered, AtomicInteger serverErrors, AtomicBoolean stop) {
        while (!stop.get()) {
            String payment = payments.get(ThreadLocalRandom.current().nextInt(payments.size()));
            try {
                ApiResponse response = api.tryPost("/api/v1/payments/" + payment + "/refunds",
                        "{\"amount\":\"1.00\",\"reason\":\"shutdown test\"}",
                        Api.with(merchant, "X-Idempotency-Key", "shutdown-" + System.nanoTime()));
                if (response.status() == 202) {
                    answered.add(response.text("refundId"));
                } else if (response.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
            } catch (IOException refusedOrReset) {
                unanswered.incrementAndGet();
                sleep(20);
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> refundIdsOf(Connection connection, String businessId) throws SQLException {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT refund_id FROM refunds WHERE business_id = ?")) {
            statement.setString(1, businessId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static long count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
