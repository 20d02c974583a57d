package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import dev.refunds.bootstrap.support.process.ServiceProcess;
import dev.refunds.bootstrap.support.process.ServiceProcesses;
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
 * Crash faults on the embedded default, the deployment a newcomer runs first: one instance on its H2 file database
 * under a steady mixed load, killed with SIGKILL at random moments and started again on the same data folder. Every
 * refund (and payment, approval, cancel) answered 2xx before a kill is there after the restart, nothing exists that
 * no 2xx announced, the processor never sees a refund twice, and the books balance after every kill. H2 lets one
 * process open the file, so the test reads it only while the service is down, read-only, before the restart.
 *
 * <p>Short (in {@code verify}): 3 kills. Long ({@code REFUNDS_RELIABILITY_LONG=true}): 12 kills and a longer load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class KilledEmbeddedInstanceLosesNoAcceptedRequestTest {
    private ServiceProcess service;

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void the_embedded_default_killed_with_sigkill_under_load_keeps_every_acknowledged_write() throws IOException {
        long since = System.currentTimeMillis();
        long seed = Long.getLong("refunds.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        int kills = Reliability.pick(3, 12);
        service = ServiceProcesses.launchEmbedded("embedded", KilledInstancesLoseNoAcceptedRequestTest.settings());
        assertThat(service.awaitHealthy(Duration.ofSeconds(120))).as("the embedded instance started").isTrue();
        Api http = service.api();
        Merchant[] merchants = MixedLoad.businesses(http, RunningService.ADMIN_TOKEN);
        List<String> afterKills = new ArrayList<>();
        long started = System.nanoTime();
        try (MixedLoad load = new MixedLoad(() -> http, RunningService.ADMIN_TOKEN, merchants[0], merchants[1], 4)) {
            load.seed(3);
            load.start();
            for (int k = 1; k <= kills; k++) {
                Reliability.pause(Reliability.isLong() ? 1000 + random.nextInt(4000) : 1500 + random.nextInt(2000));
                long acknowledged = load.refunds.size();
                service.kill();
                System.out.printf("kill %d/%d (SIGKILL) after %d requests, %d refunds acknowledged%n", k, kills,
                        load.requests.get(), acknowledged);
                afterKills.addAll(checkWhileDown(load, since, "after kill " + k + ": "));
                service.startAndAwait(Duration.ofSeconds(120));
            }
            Reliability.pause(1500);
            load.stop();
            List<String> lostOrDoubled = settleAcrossRestarts(load, Duration.ofSeconds(120));
            JdbcSettings database = service.embeddedDatabase();
            BooksChecker.Report books = BooksChecker.of(database, load.businessIds(), since).check();
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Reliability.figures(getClass().getSimpleName(), "seed " + seed + ", " + kills + " SIGKILLs of the"
                    + " embedded default (H2 file database) in " + elapsedMs + " ms; " + load.figures() + "; "
                    + load.resubmitted(database) + " refunds submitted to the processor more than once; "
                    + lostOrDoubled.size() + " lost or doubled; " + load.surprises.size() + " surprises; books: "
                    + books.summary() + "; after kills: " + afterKills.size() + " violations");
            load.surprises.stream().limit(50).forEach(s -> System.out.println("  SURPRISE " + s));
            lostOrDoubled.forEach(s -> System.out.println("  LOST-OR-DOUBLED " + s));
            afterKills.forEach(s -> System.out.println("  AFTER-KILL " + s));
            books.violations().forEach(s -> System.out.println("  VIOLATION " + s));

            assertThat(load.refunds).as("refunds acknowledged under the load").isNotEmpty();
            assertThat(load.answered500.get()).as("500s from the instance: %s", load.serverErrors).isZero();
            assertThat(afterKills).as("acknowledged writes missing, or books broken, right after a kill").isEmpty();
            assertThat(lostOrDoubled).as("acknowledged requests lost, or things done that no 2xx announced").isEmpty();
            assertThat(load.surprises).as("answers the load did not expect").isEmpty();
            assertThat(books.violations()).as("invariant violations after the load").isEmpty();
        }
    }

    /** With the service down: what it acknowledged so far is in its file (nothing may be missing), books balanced. */
    private List<String> checkWhileDown(MixedLoad load, long since, String when) {
        JdbcSettings database = service.embeddedDatabase();
        List<String> found = new ArrayList<>();
        load.lostOrDoubled(database).stream()
                .filter(v -> !v.contains("no 2xx ever announced"))   // an answer may still be on its way
                .forEach(v -> found.add(when + v));
        BooksChecker.of(database, load.businessIds(), since).check().violations().forEach(v -> found.add(when + v));
        return found;
    }

    /**
     * Approves what waits for review and lets the worker settle everything, looking at the file between runs (one
     * more SIGKILL each time); returns what the 2xx answers promised and the file does not hold, once all is final.
     */
    private List<String> settleAcrossRestarts(MixedLoad load, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Reliability.pause(2000);
            service.kill();
            Map<String, String> statuses = load.statuses(service.embeddedDatabase());
            boolean settled = statuses.values().stream().allMatch(MixedLoad.FINAL::contains);
            if (settled || System.nanoTime() > deadline) {
                if (!settled) {
                    load.surprises.add("refunds still not settled " + timeout + " after the load stopped");
                }
                return load.lostOrDoubled(service.embeddedDatabase());
            }
            service.startAndAwait(Duration.ofSeconds(120));
            statuses.entrySet().stream().filter(e -> e.getValue().equals("PENDING_REVIEW")).forEach(e -> {
                var answer = load.keyedPost("/api/admin/refunds/" + e.getKey() + "/approve", null,
                        new String[] {"Authorization", "Bearer " + RunningService.ADMIN_TOKEN});
                if (answer != null && answer.status() == 200) {
                    load.approved.add(e.getKey());
                }
            });
        }
    }
}
