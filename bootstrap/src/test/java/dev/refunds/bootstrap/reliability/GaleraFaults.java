package dev.refunds.bootstrap.reliability;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import dev.refunds.bootstrap.support.process.ServiceProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The faults of {@link GaleraNodeFaultsTest}, each followed by the books checker while the load runs, with the
 * figures they produce. Instance i works on node i (its URL lists that node first).
 */
final class GaleraFaults {
    private static final Duration WHOLE_WITHIN = Duration.ofSeconds(180);
    private static final long HANG_MS = 10_000;

    private final GaleraCluster cluster;
    private final JdbcSettings database;
    private final List<ServiceProcess> instances;
    private final List<WriteProbe> probes;
    private final MixedLoad load;
    private final long sinceMs;

    final List<String> violations = new ArrayList<>();
    final List<Long> resumedMs = new ArrayList<>();
    final List<Long> resumedAfterHangMs = new ArrayList<>();
    int nodeKills;
    int instanceKills;
    int hangs;
    long appliedWithoutQuorum;
    long refusedWithoutQuorum;
    long quorumRecoveredMs = -1;

    GaleraFaults(GaleraCluster cluster, JdbcSettings database, List<ServiceProcess> instances,
                 List<WriteProbe> probes, MixedLoad load, long sinceMs) {
        this.cluster = cluster;
        this.database = database;
        this.instances = instances;
        this.probes = probes;
        this.load = load;
        this.sinceMs = sinceMs;
    }

    /** SIGKILL of node i under load; writes through both instances must resume; then the node rejoins. */
    void killNode(int node) {
        Reliability.pause(1500);
        long fault = System.nanoTime();
        cluster.kill(node);
        nodeKills++;
        long resumed = awaitWritesResumed(fault, Duration.ofSeconds(60));
        resumedMs.add(resumed);
        System.out.printf("galera: node %d killed (SIGKILL) after %d requests; writes resumed after %d ms%n",
                node + 1, load.requests.get(), resumed);
        check("after killing node " + (node + 1));
        cluster.rejoinAndAwait(node, WHOLE_WITHIN);
        cluster.awaitWhole(WHOLE_WITHIN);
        check("after node " + (node + 1) + " rejoined");
    }

    /** SIGKILL of service instance i (the crash test, here with the instances on two nodes); then it restarts. */
    void killInstance(int i) {
        Reliability.pause(1000);
        ServiceProcess victim = instances.get(i);
        victim.kill();
        instanceKills++;
        System.out.printf("galera: %s killed (SIGKILL) after %d requests%n", victim.name(), load.requests.get());
        check("after killing " + victim.name());
        victim.startAndAwait(Duration.ofSeconds(120));
    }

    /** SIGSTOP of node i for 10 s (a hang, its sockets open), then SIGCONT; it must rejoin by itself. */
    void hangNode(int node) {
        Reliability.pause(1000);
        long fault = System.nanoTime();
        cluster.stop(node);
        hangs++;
        try {
            Reliability.pause(HANG_MS);
        } finally {
            cluster.resume(node);
        }
        resumedAfterHangMs.add(awaitWritesResumed(fault, Duration.ofSeconds(60)));
        System.out.printf("galera: node %d hung (SIGSTOP) for %d ms; writes resumed %d ms after the hang began%n",
                node + 1, HANG_MS, resumedAfterHangMs.get(resumedAfterHangMs.size() - 1));
        cluster.awaitWhole(WHOLE_WITHIN);
        check("after node " + (node + 1) + " hung");
    }

    /**
     * Two of three nodes killed: the survivor (node 1) loses quorum and refuses everything. Nothing may be applied
     * until a killed node is back and the operator's step (scripts/galera-start.sh --recover-quorum) makes it
     * Primary again.
     */
    void loseQuorum() {
        Reliability.pause(1500);
        cluster.kill(1);
        cluster.kill(2);
        long lost = System.nanoTime();
        // The survivor notices within the suspect timeout (4 s); from then on nothing may be applied.
        Reliability.pause(8000);
        long from = lost + Duration.ofSeconds(6).toNanos();
        Process rejoining = cluster.rejoin(1);
        Reliability.pause(4000);
        long to = System.nanoTime();
        for (WriteProbe probe : probes) {
            appliedWithoutQuorum += probe.succeededBetween(from, to);
            refusedWithoutQuorum += probe.countBetween(503, from, to);
        }
        long recovering = System.nanoTime();
        cluster.recoverQuorum(0);
        quorumRecoveredMs = awaitWritesResumed(recovering, Duration.ofSeconds(60));
        System.out.printf("galera: quorum lost (nodes 2 and 3 killed): %d writes applied, %d answered 503 while it"
                + " was lost; writes resumed %d ms after the recovery step%n", appliedWithoutQuorum,
                refusedWithoutQuorum, quorumRecoveredMs);
        try {
            rejoining.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cluster.rejoinAndAwait(2, WHOLE_WITHIN);
        cluster.awaitWhole(WHOLE_WITHIN);
        check("after the quorum loss");
    }

    String summary() {
        return nodeKills + " node SIGKILLs (writes resumed after " + resumedMs + " ms), " + instanceKills
                + " instance SIGKILLs, " + hangs + " node hangs of " + HANG_MS + " ms (writes resumed after "
                + resumedAfterHangMs + " ms), quorum loss: " + appliedWithoutQuorum + " writes applied, "
                + refusedWithoutQuorum + " 503s, writes resumed " + quorumRecoveredMs + " ms after the recovery step";
    }

    /** Longest time over the instances until a write sent after {@code fault} succeeded; -1 if one never did. */
    private long awaitWritesResumed(long fault, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long worst = 0;
            for (WriteProbe probe : probes) {
                long resumed = probe.resumedMsAfter(fault);
                worst = resumed < 0 || worst < 0 ? -1 : Math.max(worst, resumed);
            }
            if (worst >= 0) {
                return worst;
            }
            Reliability.pause(100);
        }
        return -1;
    }

    private void check(String when) {
        BooksChecker.of(database, load.businessIds(), sinceMs).check().violations()
                .forEach(v -> violations.add(when + ": " + v));
    }

    /** A business of its own for the write probes. */
    static Merchant probeBusiness(Api http) throws IOException {
        ApiResponse created = http.tryPost("/api/admin/businesses", Api.json(Map.of("name", "galera write probe",
                "reviewMode", "AUTO", "refundMode", "MULTIPLE")), "Authorization", "Bearer "
                + RunningService.ADMIN_TOKEN);
        if (created.status() != 201) {
            throw new IllegalStateException("probe business not created: " + created);
        }
        return new Merchant(created.text("clientId"), created.text("businessId"), created.text("apiKey"));
    }

    /** After a test: every node running again and the cluster whole, so the next test finds it as it was. */
    static void restoreWhole(GaleraCluster cluster) {
        for (int node = 0; node < cluster.size(); node++) {
            try {
                cluster.resume(node);
            } catch (RuntimeException notRunning) {
                cluster.rejoinAndAwait(node, WHOLE_WITHIN);
            }
        }
        cluster.awaitWhole(WHOLE_WITHIN);
    }
}
