package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database faults: while a mixed load runs, the service's database connections are killed from the server side
 * (MariaDB {@code KILL CONNECTION}: idle pool connections and connections in the middle of a transaction alike),
 * in single drops and in storms, and running statements are aborted ({@code KILL QUERY}). Requests that hit a fault
 * must fail with a clean envelope — {@code 503 SERVICE_UNAVAILABLE} for a lost connection (README, "Errors"),
 * at worst {@code 500 INTERNAL_ERROR} for an aborted statement — and never leave a change half-applied; the service
 * must heal by itself (no restart): health, new requests and the settlement worker all work again.
 *
 * <p>Short: 4 fault rounds. Long: 24 rounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class DroppedDatabaseConnectionsFailCleanlyAndHealWithoutRestartTest {
    private RunningService service;

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private enum Fault { DROP_ALL_CONNECTIONS, CONNECTION_STORM, ABORT_RUNNING_STATEMENTS }

    @Test
    void database_connections_killed_under_load_fail_cleanly_leave_nothing_half_done_and_heal_without_a_restart()
            throws IOException {
        JdbcSettings database = Backend.MARIADB.newDatabase();
        long since = System.currentTimeMillis();
        service = RunningService.start(database, Map.of(
                "refunds.settlement.enabled", true,
                "refunds.settlement.poll-every", "50ms",
                "refunds.settlement.check-every", "50ms",
                "refunds.settlement.check-every-max", "1s",
                "refunds.settlement.send-lease", "2s",
                "refunds.sandbox.settle-delay", "200ms",
                "refunds.idempotency.lease", "3s"));
        Api http = Api.at(service.uri()).withTimeout(Duration.ofSeconds(20));
        Merchant[] merchants = MixedLoad.businesses(http, RunningService.ADMIN_TOKEN);
        long seed = Long.getLong("refunds.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        int rounds = Reliability.pick(4, 24);
        int connectionsKilled = 0;
        int statementsAborted = 0;
        long[] fiveHundredsIn = new long[Fault.values().length];
        long[] fiveOhThreesIn = new long[Fault.values().length];

        try (MixedLoad load = new MixedLoad(() -> http, RunningService.ADMIN_TOKEN, merchants[0], merchants[1], 4);
             ConnectionKiller killer = new ConnectionKiller(database)) {
            load.seed(3);
            load.start();
            Reliability.pause(800);
            for (int round = 0; round < rounds; round++) {
                Fault fault = Fault.values()[round % Fault.values().length];
                long before500 = load.answered500.get();
                long before503 = load.answered503.get();
                switch (fault) {
                    case DROP_ALL_CONNECTIONS -> connectionsKilled += killer.killConnections();
                    case CONNECTION_STORM -> {
                        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
                        while (System.nanoTime() < until) {
                            connectionsKilled += killer.killConnections();
                            Reliability.pause(60 + random.nextInt(80));
                        }
                    }
                    case ABORT_RUNNING_STATEMENTS -> {
                        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
                        while (System.nanoTime() < until) {
                            statementsAborted += killer.killQueries();
                            Reliability.pause(5 + random.nextInt(20));
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                Reliability.pause(500 + random.nextInt(1000));
                fiveHundredsIn[fault.ordinal()] += load.answered500.get() - before500;
                fiveOhThreesIn[fault.ordinal()] += load.answered503.get() - before503;
            }

            // Healed without a restart: health, a new payment and refund, and the settlement worker.
            List<String> healing = new ArrayList<>();
            long healStart = System.nanoTime();
            boolean healthy = awaitHealthy(http, Duration.ofSeconds(20));
            long healedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healStart);
            if (!healthy) {
                healing.add("GET /health did not answer 200 within 20 s of the last fault");
            } else {
                probe(http, healing);
            }

            load.stop();
            load.settleEverything(database, Duration.ofSeconds(90));
            List<String> lostOrDoubled = load.lostOrDoubled(database);
            BooksChecker.Report books = BooksChecker.of(database, load.businessIds(), since).check();
            Reliability.figures(getClass().getSimpleName(), "seed " + seed + ", " + rounds + " fault rounds, "
                    + connectionsKilled + " connections killed, " + statementsAborted + " statements aborted; "
                    + load.figures() + "; 503/500 by fault: drop " + fiveOhThreesIn[0] + "/" + fiveHundredsIn[0]
                    + ", storm " + fiveOhThreesIn[1] + "/" + fiveHundredsIn[1] + ", abort " + fiveOhThreesIn[2] + "/"
                    + fiveHundredsIn[2] + "; healthy again " + healedMs + " ms after the last fault; "
                    + lostOrDoubled.size() + " lost or doubled; " + load.surprises.size() + " surprises; books: "
                    + books.summary());
            load.serverErrors.stream().limit(20).forEach(s -> System.out.println("  5XX " + s));
            load.surprises.stream().limit(50).forEach(s -> System.out.println("  SURPRISE " + s));
            lostOrDoubled.forEach(s -> System.out.println("  LOST-OR-DOUBLED " + s));
            healing.forEach(s -> System.out.println("  NOT-HEALED " + s));
            books.violations().forEach(s -> System.out.println("  VIOLATION " + s));

            assertThat(connectionsKilled).as("connections killed").isPositive();
            assertThat(load.answered500.get() + load.answered503.get() + load.retriedKeys.get())
                    .as("requests the faults hit (a fault that hits nothing proves nothing)").isPositive();
            assertThat(healing).as("the service heals by itself").isEmpty();
            assertThat(load.surprises).as("answers outside the contract, unclean 5xx envelopes included").isEmpty();
            assertThat(lostOrDoubled).as("acknowledged requests lost, or changes no 2xx announced").isEmpty();
            assertThat(books.violations()).as("invariant violations (a half-applied change)").isEmpty();
            assertThat(fiveHundredsIn[Fault.DROP_ALL_CONNECTIONS.ordinal()]
                    + fiveHundredsIn[Fault.CONNECTION_STORM.ordinal()])
                    .as("500 INTERNAL_ERROR answers while connections were being dropped (README: a lost database"
                            + " answers 503); they were: %s", load.serverErrors).isZero();
        }
    }

    private static boolean awaitHealthy(Api http, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.tryGet("/health").status() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not yet
            }
            Reliability.pause(100);
        }
        return false;
    }

    /** A fresh payment, paid, refunded and settled, with no retries needed: the service is whole again. */
    private static void probe(Api http, List<String> problems) throws IOException {
        ApiResponse business = http.tryPost("/api/admin/businesses", Api.json(Map.of("name", "after the faults",
                "reviewMode", "AUTO", "refundMode", "MULTIPLE")), Api.admin());
        if (business.status() != 201) {
            problems.add("a new business after the faults answered " + business);
            return;
        }
        Merchant merchant = new Merchant(business.text("clientId"), business.text("businessId"),
                business.text("apiKey"));
        ApiResponse created = http.tryPost("/api/v1/payments", Api.json(Map.of("amount", "100.00", "currency", "BDT")),
                merchant.headers());
        if (created.status() != 201) {
            problems.add("a new payment after the faults answered " + created);
            return;
        }
        String paymentId = created.text("paymentId");
        ApiResponse completed = http.tryPost("/api/v1/payments/" + paymentId + "/complete", null, merchant.headers());
        ApiResponse refund = http.tryPost("/api/v1/payments/" + paymentId + "/refunds",
                Api.json(Map.of("amount", "10.00", "reason", "after the faults")), merchant.headers());
        if (completed.status() != 200 || refund.status() != 202) {
            problems.add("after the faults: complete answered " + completed + ", refund answered " + refund);
            return;
        }
        String refundId = refund.text("refundId");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String status = null;
        while (System.nanoTime() < deadline) {
            ApiResponse read = http.tryGet("/api/v1/payments/" + paymentId + "/refunds/" + refundId, merchant.headers());
            status = read.status() == 200 ? read.text("status") : "HTTP " + read.status();
            if ("COMPLETED".equals(status)) {
                return;
            }
            Reliability.pause(100);
        }
        problems.add("a refund asked for after the faults did not settle within 20 s (settlement worker dead?): "
                + status);
    }
}
