package dev.refunds.bootstrap.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnMariaDbAndGalera;
import dev.refunds.bootstrap.support.RunningService;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances, each with its settlement worker on, sharing one database: refunds asked for through both
 * while both workers run are each sent to the processor exactly once and settle exactly once, and every payment's
 * refunded total is the sum of its completed refunds. On Galera the two workers sit on two different nodes: a
 * refund's claim is taken under its payment's row lock on one node, so the cluster's certification must keep the
 * other worker from sending it too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 55, unit = TimeUnit.SECONDS)
@OnMariaDbAndGalera
class TwoWorkersTest {
    private static final int PAYMENTS = 20;
    private static final int REFUNDS_PER_PAYMENT = 10;
    private static final int CLIENTS = 8;
    private static final long PAYMENT_MINOR = 100_000;   // 1000.00 BDT

    private final List<RunningService> services = new ArrayList<>();
    private JdbcSettings db;

    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    @BeforeParameterizedClassInvocation
    void startTwoInstancesWithTheirWorkers() {
        db = backend().newDatabase();
        services.add(RunningService.start(db.onNode(0), Settlements.WORKER_ON));   // on a cluster: two nodes
        services.add(RunningService.start(db.onNode(1), Settlements.WORKER_ON));
        Settlements.awaitBacklogDrained(db, Duration.ofSeconds(20));
    }

    @AfterParameterizedClassInvocation
    void stopInstances() {
        services.forEach(RunningService::close);
        services.clear();
    }

    private Api api(int i) {
        return services.get(Math.floorMod(i, services.size())).api();
    }

    /** 50.00 + k, except every fourth refund of a payment ends in .13 and is declined by the sandbox. */
    private static long refundMinor(int k) {
        return 5_000 + 100L * k + (k % 4 == 3 ? 13 : 0);
    }

    @Test
    void refunds_asked_for_while_two_workers_run_are_each_sent_once_and_settled_once() throws Exception {
        Merchant shop = api(0).createBusiness("AUTO", "MULTIPLE", null);
        List<String> paymentIds = new ArrayList<>();
        for (int p = 0; p < PAYMENTS; p++) {
            paymentIds.add(Settlements.paidPayment(api(p), shop, "1000.00", "BDT"));
        }
        Map<String, Long> asked = new ConcurrentHashMap<>();   // refundId -> amount in minor units
        Map<String, String> paymentOf = new ConcurrentHashMap<>();

        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int n = client; n < PAYMENTS * REFUNDS_PER_PAYMENT; n += CLIENTS) {
                        String paymentId = paymentIds.get(n % PAYMENTS);
                        long minor = refundMinor(n / PAYMENTS);
                        JsonNode refund = Settlements.requestRefund(api(n), shop, paymentId,
                                String.format("%d.%02d", minor / 100, minor % 100));
                        asked.put(refund.path("refundId").asText(), minor);
                        paymentOf.put(refund.path("refundId").asText(), paymentId);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(40, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        long askedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(asked).hasSize(PAYMENTS * REFUNDS_PER_PAYMENT);

        String ids = asked.keySet().stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        long settled = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            settled = Settlements.count(db, "SELECT COUNT(*) FROM refunds WHERE status IN ('COMPLETED', 'FAILED')"
                    + " AND refund_id IN (" + ids + ")");
            if (settled == asked.size()) {
                break;
            }
            Settlements.pause(50);
        }
        long allSettledMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("two workers on %s: %d refunds over %d payments asked for in %d ms by %d clients, all"
                        + " settled %d ms after the first request: %.1f refunds/s settled (%.1f refunds/s asked)%n",
                backend(), asked.size(), PAYMENTS, askedMs, CLIENTS, allSettledMs,
                asked.size() * 1000.0 / allSettledMs, asked.size() * 1000.0 / askedMs);
        assertThat(settled).as("refunds settled within 30 s of the last request").isEqualTo(asked.size());

        SoftAssertions soft = new SoftAssertions();
        Map<String, RefundRow> rows = refundRows(ids);
        assertThat(rows).hasSize(asked.size());
        Map<String, Long> completedPerPayment = new HashMap<>();
        for (Map.Entry<String, Long> refund : asked.entrySet()) {
            RefundRow row = rows.get(refund.getKey());
            boolean declined = refund.getValue() % 100 == 13;
            soft.assertThat(row.status()).as("status of %s (%d)", refund.getKey(), refund.getValue())
                    .isEqualTo(declined ? "FAILED" : "COMPLETED");
            soft.assertThat(row.ledgerRows()).as("sandbox rows of %s", refund.getKey()).isEqualTo(1);
            soft.assertThat(row.submitCalls()).as("submit calls for %s", refund.getKey()).isEqualTo(1);
            soft.assertThat(row.events()).as("outbox events of %s", refund.getKey()).containsExactly(
                    "refund.created", "refund.processing", declined ? "payment.refund_failed" : "payment.refunded");
            if (!declined) {
                completedPerPayment.merge(paymentOf.get(refund.getKey()), refund.getValue(), Long::sum);
            }
        }
        for (String paymentId : paymentIds) {
            List<String> books = Settlements.strings(db, "SELECT CONCAT(status, ' ', refunded_minor, ' ',"
                    + " reserved_minor) FROM payments WHERE payment_id = ?", paymentId);
            long completed = completedPerPayment.getOrDefault(paymentId, 0L);
            soft.assertThat(books).as("status, refunded_minor, reserved_minor of %s", paymentId)
                    .containsExactly((completed == PAYMENT_MINOR ? "REFUNDED" : "COMPLETED") + " " + completed + " 0");
        }
        soft.assertAll();
    }

    record RefundRow(String status, int ledgerRows, int submitCalls, List<String> events) {
    }

    private Map<String, RefundRow> refundRows(String ids) throws SQLException {
        Map<String, List<String>> events = new HashMap<>();
        Map<String, RefundRow> rows = new HashMap<>();
        try (Connection connection = db.connect()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT subject_id, event_type"
                    + " FROM outbox_events WHERE subject_id IN (" + ids + ") ORDER BY seq");
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    events.computeIfAbsent(result.getString(1), id -> new ArrayList<>()).add(result.getString(2));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT r.refund_id, r.status,"
                    + " (SELECT COUNT(*) FROM sandbox_processor_refunds s WHERE s.refund_id = r.refund_id),"
                    + " (SELECT COALESCE(SUM(s.submit_calls), 0) FROM sandbox_processor_refunds s"
                    + " WHERE s.refund_id = r.refund_id) FROM refunds r WHERE r.refund_id IN (" + ids + ")");
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String id = result.getString(1);
                    rows.put(id, new RefundRow(result.getString(2), result.getInt(3), result.getInt(4),
                            events.getOrDefault(id, Collections.emptyList())));
                }
            }
        }
        return rows;
    }
}
