package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import dev.refunds.bootstrap.support.process.ServiceProcess;
import dev.refunds.bootstrap.support.process.ServiceProcesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash faults: two instances of the service, each its own OS process with its settlement worker on, share one
 * MariaDB database under a steady mixed load; one of them is killed with SIGKILL at random moments (mid-request,
 * mid-transaction, mid-settlement) and started again. Afterwards nothing a 2xx promised is missing, nothing exists
 * that no 2xx announced, every refund settles, the processor never holds a refund twice, and the books balance —
 * also when looked at between the kills, while the load runs.
 *
 * <p>Short (in {@code verify}): 3 kills. Long ({@code REFUNDS_RELIABILITY_LONG=true}): 12 kills, some of them while
 * the victim is still starting up, and a longer load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class KilledInstancesLoseNoAcceptedRequestTest {
    private final List<ServiceProcess> instances = new ArrayList<>();

    @AfterAll
    void stopInstances() {
        instances.forEach(ServiceProcess::close);
    }

    static Map<String, String> settings() {
        return Map.of(
                "refunds.settlement.enabled", "true",
                "refunds.settlement.poll-every", "50ms",
                "refunds.settlement.check-every", "50ms",
                "refunds.settlement.check-every-max", "1s",
                // a killed worker's claim on a refund runs out quickly, so another worker sends it again
                "refunds.settlement.send-lease", "2s",
                "refunds.sandbox.settle-delay", "300ms",
                // a killed instance's in-progress idempotency claims run out quickly, so retries can take over
                "refunds.idempotency.lease", "3s",
                "refunds.db.pool-size", "8");
    }

    @Test
    void instances_killed_with_sigkill_under_mixed_load_lose_no_accepted_request_and_send_no_refund_twice() {
        JdbcSettings database = Backend.MARIADB.newDatabase();
        long since = System.currentTimeMillis();
        long seed = Long.getLong("refunds.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        int kills = Reliability.pick(3, 12);

        instances.add(ServiceProcesses.launch("instance-a", database, settings()));
        instances.add(ServiceProcesses.launch("instance-b", database, settings()));
        for (ServiceProcess instance : instances) {
            assertThat(instance.awaitHealthy(Duration.ofSeconds(120))).as("%s started", instance.name()).isTrue();
        }
        List<Api> clients = instances.stream().map(ServiceProcess::api).toList();
        AtomicInteger turn = new AtomicInteger();
        Merchant[] merchants;
        try {
            merchants = MixedLoad.businesses(clients.get(0), RunningService.ADMIN_TOKEN);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> midChaosViolations = new ArrayList<>();
        int killed = 0;
        int killedWhileStarting = 0;
        long started = System.nanoTime();
        try (MixedLoad load = new MixedLoad(() -> clients.get(Math.floorMod(turn.getAndIncrement(), clients.size())),
                RunningService.ADMIN_TOKEN, merchants[0], merchants[1], 4)) {
            load.seed(3);
            load.start();
            for (int k = 1; k <= kills; k++) {
                Reliability.pause(Reliability.isLong() ? 500 + random.nextInt(3500) : 800 + random.nextInt(1700));
                ServiceProcess victim = instances.get(random.nextInt(instances.size()));
                victim.kill();
                killed++;
                System.out.printf("kill %d/%d: %s (SIGKILL) after %d requests%n", k, kills, victim.name(),
                        load.requests.get());
                String when = "after kill " + k + ": ";
                BooksChecker.of(database, load.businessIds(), since).check().violations()
                        .forEach(v -> midChaosViolations.add(when + v));
                Reliability.pause(random.nextInt(700));
                if (Reliability.isLong() && k % 4 == 0) {
                    victim.start();   // and kill it again before (or while) it becomes healthy
                    Reliability.pause(300 + random.nextInt(2500));
                    victim.kill();
                    killed++;
                    killedWhileStarting++;
                }
                victim.startAndAwait(Duration.ofSeconds(120));
            }
            Reliability.pause(1500);
            load.stop();
            load.settleEverything(database, Duration.ofSeconds(90));

            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            List<String> lostOrDoubled = load.lostOrDoubled(database);
            BooksChecker.Report books = BooksChecker.of(database, load.businessIds(), since).check();
            Reliability.figures(getClass().getSimpleName(), "seed " + seed + ", " + killed + " SIGKILLs survived ("
                    + killedWhileStarting + " during start-up) in " + elapsedMs + " ms; " + load.figures() + "; "
                    + load.resubmitted(database) + " refunds submitted to the processor more than once (one"
                    + " processor row each); " + lostOrDoubled.size() + " lost or doubled; " + load.surprises.size()
                    + " surprises; books: " + books.summary() + "; between kills: " + midChaosViolations.size()
                    + " violations");
            load.surprises.stream().limit(50).forEach(s -> System.out.println("  SURPRISE " + s));
            lostOrDoubled.forEach(s -> System.out.println("  LOST-OR-DOUBLED " + s));
            midChaosViolations.forEach(s -> System.out.println("  BETWEEN-KILLS " + s));
            books.violations().forEach(s -> System.out.println("  VIOLATION " + s));

            assertThat(killed).as("SIGKILLs survived").isGreaterThanOrEqualTo(kills);
            assertThat(load.refunds).as("refunds acknowledged under the load").isNotEmpty();
            assertThat(load.answered500.get()).as("500s from the instances: %s", load.serverErrors).isZero();
            assertThat(lostOrDoubled).as("acknowledged requests lost, or things done that no 2xx announced").isEmpty();
            assertThat(load.surprises).as("answers the load did not expect").isEmpty();
            assertThat(midChaosViolations).as("invariant violations seen between kills").isEmpty();
            assertThat(books.violations()).as("invariant violations after the load").isEmpty();
        }
    }
}
