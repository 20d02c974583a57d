package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Merchant;
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
 * steady pace. B's {@code refund.created} latency (refund request to arrival) is measured alone, then beside A.
 */
abstract class DeliveryIsolationContract extends WebhookHarness {
    static final int REFUNDS = 32;
    static final long PACE_MS = 250;
    static final int PER_ENDPOINT = 2;
    static final Duration SLOW_ANSWER = Duration.ofSeconds(1);

    @Override
    Map<String, Object> settings() {
        Map<String, Object> settings = webhookSettings();
        settings.put("refunds.webhooks.endpoint-concurrency", PER_ENDPOINT);
        settings.put("refunds.webhooks.concurrency", 8);
        return settings;
    }

    @Test
    void a_slow_endpoint_neither_delays_another_merchants_deliveries_nor_holds_more_than_its_senders()
            throws Exception {
        Merchant fast = api.createBusiness("AUTO", "MULTIPLE", null);
        String fastPath = newPath();
        endpoint(fast, fastPath, "refund.created");
        String fastPayment = paidPayment(fast, "100000.00");
        List<Long> alone = latencies(fast, fastPayment, fastPath);

        Merchant slow = api.createBusiness("AUTO", "MULTIPLE", null);
        String slowPath = newPath();
        receiver.delay(slowPath, SLOW_ANSWER);
        endpoint(slow, slowPath);   // every event type: three deliveries a refund
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

        long p99Alone = percentile(alone, 99);
        long p99Beside = percentile(beside, 99);
        System.out.printf("isolation (%s): B alone p50 %d ms p99 %d ms max %d ms; beside slow A (%d refunds,"
                        + " %d requests received, at most %d at once) p50 %d ms p99 %d ms max %d ms%n", backend(),
                percentile(alone, 50), p99Alone, alone.get(alone.size() - 1), slowMade,
                receiver.at(slowPath).size(), receiver.inFlightMax(slowPath), percentile(beside, 50), p99Beside,
                beside.get(beside.size() - 1));
        assertThat(receiver.at(slowPath)).as("the slow endpoint was busy").hasSizeGreaterThan(PER_ENDPOINT);
        assertThat(receiver.inFlightMax(slowPath)).isLessThanOrEqualTo(PER_ENDPOINT);
        assertThat(p99Beside).isLessThan(1000);
        assertThat(p99Beside).isLessThanOrEqualTo(2 * p99Alone);
    }

    /** Makes {@link #REFUNDS} refunds at the pace and returns each one's delivery latency in ms, sorted. */
    private List<Long> latencies(Merchant merchant, String paymentId, String path) throws InterruptedException {
        Map<String, Long> requestedAt = new ConcurrentHashMap<>();
        for (int i = 0; i < REFUNDS; i++) {
            long started = System.nanoTime();
            requestedAt.put(refund(merchant, paymentId, "1.00"), started);
            Thread.sleep(Math.max(0, PACE_MS - (System.nanoTime() - started) / 1_000_000));
        }
        await("every refund.created at B", () -> receiver.at(path).stream()
                .filter(r -> requestedAt.containsKey(refundId(r))).count() == REFUNDS);
        List<Long> latencies = new ArrayList<>();
        for (Receiver.Received received : receiver.at(path)) {
            Long started = requestedAt.get(refundId(received));
            if (started != null) {
                latencies.add((received.receivedNanos() - started) / 1_000_000);
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
