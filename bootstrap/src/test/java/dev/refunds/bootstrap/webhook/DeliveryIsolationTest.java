package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two merchants as issue 21 tried them: A's endpoint answers after a delay, B's at once, both create refunds at a
 * steady pace. B's {@code refund.created} latency (from the refund's creation, answered 202 and committed with its
 * event, to the event's arrival) is measured alone, then beside A.
 */
@OnH2AndMariaDb
class DeliveryIsolationTest extends WebhookHarness {
    static final int REFUNDS = 32;
    static final int ROUNDS = 5;
    static final long PACE_MS = 250;
    static final int PER_ENDPOINT = 2;
    static final Duration SLOW_ANSWER = Duration.ofSeconds(1);

    @Override
    Map<String, Object> settings() {
        Map<String, Object> settings = webhookSettings();
        settings.put("refunds.webhooks.endpoint-concurrency", PER_ENDPOINT);
        // The MariaDB database is shared with the other suites, whose endpoints (8.8.8.8, closed ports) may still
        // have deliveries due: enough senders that those, each at its own limit, cannot take them all.
        settings.put("refunds.webhooks.concurrency", 64);
        // Longer than any attempt (a 5 s connect timeout to 8.8.8.8 among them): a lease that ran out while its
        // attempt still ran would stop counting against its endpoint's limit.
        settings.put("refunds.webhooks.lease", "30s");
        return settings;
    }

    /**
     * Up to {@link #ROUNDS} rounds, each with a new slow merchant (deleted at its end, so the next round's "alone"
     * is alone): the machine these tests share can be loaded many times over, and a latency bound is only
     * meaningful in a round that ran at one load. Every round checks the limit; one round must meet both bounds.
     * Broken isolation fails every round: B's latency then grows with A's backlog (seconds, not milliseconds).
     */
    @Test
    void a_slow_endpoint_neither_delays_another_merchants_deliveries_nor_holds_more_than_its_senders()
            throws Exception {
        Merchant fast = api.createBusiness("AUTO", "MULTIPLE", null);
        String fastPath = newPath();
        endpoint(fast, fastPath, "refund.created");
        String fastPayment = paidPayment(fast, "100000.00");
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Round measured = round(fast, fastPath, fastPayment);
            rounds.add(measured.toString());
            System.out.printf("isolation (%s) round %d: %s%n", backend(), round, measured);
            if (measured.p99Beside() < 1000 && measured.p99Beside() <= 2 * measured.p99Alone()) {
                return;
            }
        }
        throw new AssertionError("in no round was B's p99 beside the slow endpoint under 1 s and within 2x of"
                + " B alone: " + rounds);
    }

    record Round(long p50Alone, long p99Alone, long p50Beside, long p99Beside, int slowRefunds, int slowRequests,
                 int slowAtOnce) {
        @Override
        public String toString() {
            return "B alone p50 " + p50Alone + " ms p99 " + p99Alone + " ms; beside slow A (" + slowRefunds
                    + " refunds, " + slowRequests + " requests received, at most " + slowAtOnce + " at once) p50 "
                    + p50Beside + " ms p99 " + p99Beside + " ms";
        }
    }

    private Round round(Merchant fast, String fastPath, String fastPayment) throws Exception {
        List<Long> alone = latencies(fast, fastPayment, fastPath);
        Merchant slow = api.createBusiness("AUTO", "MULTIPLE", null);
        String slowPath = newPath();
        receiver.delay(slowPath, SLOW_ANSWER);
        String slowEndpoint = endpoint(slow, slowPath).path("id").asText();   // every type: three deliveries a refund
        String slowPayment = paidPayment(slow, "100000.00");
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService neighbour = Executors.newSingleThreadExecutor();
        Future<Integer> slowRefunds = neighbour.submit(() -> {
            int made = 0;
            while (loading.get()) {
                refund(slow, slowPayment, "1.00");
                made++;
                Thread.sleep(PACE_MS);
            }
            return made;
        });
        List<Long> beside;
        try {
            beside = latencies(fast, fastPayment, fastPath);
        } finally {
            loading.set(false);
            neighbour.shutdown();
        }
        int slowMade = slowRefunds.get();
        assertThat(receiver.at(slowPath)).as("the slow endpoint was busy").hasSizeGreaterThan(PER_ENDPOINT);
        assertThat(receiver.inFlightMax(slowPath)).isLessThanOrEqualTo(PER_ENDPOINT);
        assertThat(api.send("DELETE", ENDPOINTS + "/" + slowEndpoint, null, null, slow.headers()).status())
                .isEqualTo(200);
        return new Round(percentile(alone, 50), percentile(alone, 99), percentile(beside, 50),
                percentile(beside, 99), slowMade, receiver.at(slowPath).size(), receiver.inFlightMax(slowPath));
    }

    /** Makes {@link #REFUNDS} refunds at the pace and returns each one's delivery latency in ms, sorted. */
    private List<Long> latencies(Merchant merchant, String paymentId, String path) throws InterruptedException {
        Map<String, Long> createdAt = new ConcurrentHashMap<>();
        for (int i = 0; i < REFUNDS; i++) {
            long started = System.nanoTime();
            String refundId = refund(merchant, paymentId, "1.00");
            createdAt.put(refundId, System.nanoTime());   // created: the event is in the outbox now
            Thread.sleep(Math.max(0, PACE_MS - (System.nanoTime() - started) / 1_000_000));
        }
        await("every refund.created at B", () -> receiver.at(path).stream()
                .filter(r -> createdAt.containsKey(refundId(r))).count() == REFUNDS);
        List<Long> latencies = new ArrayList<>();
        for (Receiver.Received received : receiver.at(path)) {
            Long started = createdAt.get(refundId(received));
            if (started != null) {
                latencies.add(Math.max(0, (received.receivedNanos() - started) / 1_000_000));
            }
        }
        latencies.sort(Long::compare);
        assertThat(latencies).hasSize(REFUNDS);
        return latencies;
    }

    private static String refundId(Receiver.Received received) {
        return received.json().path("data").path("refund").path("refundId").asText();
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }
}
