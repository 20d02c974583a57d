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

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the database itself, on a three-node MariaDB Galera cluster: two instances of the service (OS processes,
 * settlement workers on) on two different nodes, each with the multi-host URL, under the mixed load. In turn:
 * SIGKILL of one node and its rejoin (every node in turn), SIGKILL of a service instance, a node hung with SIGSTOP
 * for 10 s, and two of the three nodes killed at once (quorum lost: only 503s, nothing applied, until a node is back
 * and the operator's recovery step makes the cluster Primary again). Then nothing a 2xx promised is missing, nothing
 * exists that no 2xx announced, no 500 was answered, the processor holds every refund once, the books balance, and
 * writes resumed within 10 s of every single-node loss.
 *
 * <p>Short (in {@code verify}): 2 node kills, 1 instance kill, 1 hang, 1 quorum loss. Long
 * ({@code REFUNDS_RELIABILITY_LONG=true}, scripts/reliability.sh): 6 node kills, 3 instance kills, 2 hangs, 1 quorum
 * loss. Needs the cluster: {@code eval "$(bash scripts/galera-start.sh)"}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class GaleraNodeFaultsTest {
    private static final long RESUME_WITHIN_MS = 10_000;
    private final JdbcSettings database = Backend.GALERA.newDatabase();
    private final GaleraCluster cluster = GaleraCluster.of(database);
    private final List<ServiceProcess> instances = new ArrayList<>();

    @AfterAll
    void stopInstancesAndLeaveTheClusterWhole() {
        instances.forEach(ServiceProcess::close);
        GaleraFaults.restoreWhole(cluster);
    }

    @Test
    void node_kills_a_hang_and_a_quorum_loss_under_load_lose_nothing_answer_no_500_and_send_each_refund_once()
            throws IOException {
        cluster.awaitWhole(Duration.ofSeconds(120));
        long since = System.currentTimeMillis();
        for (int i = 0; i < 2; i++) {
            instances.add(ServiceProcesses.launch("galera-instance-" + (char) ('a' + i), database.onNode(i),
                    KilledInstancesLoseNoAcceptedRequestTest.settings()));
        }
        for (ServiceProcess instance : instances) {
            assertThat(instance.awaitHealthy(Duration.ofSeconds(120))).as("%s started", instance.name()).isTrue();
        }
        List<Api> clients = instances.stream().map(ServiceProcess::api).toList();
        Merchant[] merchants = MixedLoad.businesses(clients.get(0), RunningService.ADMIN_TOKEN);
        Merchant probed = GaleraFaults.probeBusiness(clients.get(0));
        AtomicInteger turn = new AtomicInteger();
        long started = System.nanoTime();
        try (MixedLoad load = new MixedLoad(() -> clients.get(Math.floorMod(turn.getAndIncrement(), clients.size())),
                RunningService.ADMIN_TOKEN, merchants[0], merchants[1], 4);
             WriteProbe probeA = new WriteProbe(clients.get(0), probed);
             WriteProbe probeB = new WriteProbe(clients.get(1), probed)) {
            load.seed(3);
            load.start();
            GaleraFaults faults = new GaleraFaults(cluster, database, instances, List.of(probeA, probeB), load, since);
            int nodeKills = Reliability.pick(2, 6);
            int instanceKills = Reliability.pick(1, 3);
            int hangs = Reliability.pick(1, 2);
            for (int k = 0; k < Math.max(nodeKills, Math.max(instanceKills, hangs)); k++) {
                if (k < nodeKills) {
                    faults.killNode(k % cluster.size());
                }
                if (k < instanceKills) {
                    faults.killInstance(k % instances.size());
                }
                if (k < hangs) {
                    faults.hangNode(k % instances.size());
                }
            }
            faults.loseQuorum();
            Reliability.pause(1500);
            load.stop();
            load.settleEverything(database, Duration.ofSeconds(120));
            cluster.awaitWhole(Duration.ofSeconds(120));

            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            List<String> lostOrDoubled = load.lostOrDoubled(database);
            long resubmitted = load.resubmitted(database);
            BooksChecker.Report books = BooksChecker.of(database, load.businessIds(), since).check();
            long probe500 = probeA.serverErrors() + probeB.serverErrors();
            long probeNoRetryAfter = probeA.withoutRetryAfter.get() + probeB.withoutRetryAfter.get();
            Reliability.figures(getClass().getSimpleName(), faults.summary() + " in " + elapsedMs + " ms; "
                    + load.figures() + "; probes: " + (probeA.count(503) + probeB.count(503)) + " 503, " + probe500
                    + " other 5xx; " + resubmitted + " refunds submitted to the processor more than once (one"
                    + " processor row each); " + lostOrDoubled.size() + " lost or doubled; " + load.surprises.size()
                    + " surprises; books: " + books.summary() + "; between faults: " + faults.violations.size()
                    + " violations");
            load.surprises.stream().limit(50).forEach(s -> System.out.println("  SURPRISE " + s));
            lostOrDoubled.forEach(s -> System.out.println("  LOST-OR-DOUBLED " + s));
            faults.violations.forEach(s -> System.out.println("  BETWEEN-FAULTS " + s));
            books.violations().forEach(s -> System.out.println("  VIOLATION " + s));

            assertThat(faults.nodeKills).as("node kills survived").isGreaterThanOrEqualTo(nodeKills);
            assertThat(load.refunds).as("refunds acknowledged under the load").isNotEmpty();
            assertThat(load.answered500.get() + probe500).as("500s: %s", load.serverErrors).isZero();
            assertThat(probeNoRetryAfter).as("503s without Retry-After").isZero();
            assertThat(faults.resumedMs).as("ms until writes resumed after each single-node loss")
                    .allSatisfy(ms -> assertThat(ms).isBetween(0L, RESUME_WITHIN_MS));
            assertThat(faults.appliedWithoutQuorum).as("writes applied while the quorum was lost").isZero();
            assertThat(faults.refusedWithoutQuorum).as("503s while the quorum was lost").isPositive();
            assertThat(lostOrDoubled).as("acknowledged requests lost, or things done that no 2xx announced").isEmpty();
            assertThat(load.surprises).as("answers the load did not expect").isEmpty();
            assertThat(faults.violations).as("invariant violations seen between faults").isEmpty();
            assertThat(books.violations()).as("invariant violations after the load").isEmpty();
        }
    }
}
