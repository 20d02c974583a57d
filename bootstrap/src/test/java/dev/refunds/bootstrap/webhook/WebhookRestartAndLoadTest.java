package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries survive a restart (their state is in the database), and the figures: how fast a backlog drains to a
 * local receiver, and how long an event takes from the request that caused it to its delivery.
 */
@OnH2AndMariaDb
class WebhookRestartAndLoadTest extends WebhookHarness {
    private static final int BURST_ENDPOINTS = 16;
    private static final int BURST_REFUNDS = 30;
    private static final int LATENCY_REFUNDS = 40;
    /** An instance that writes events but delivers none. */
    private static final Map<String, Object> QUIET = Map.of("refunds.webhooks.enabled", false,
            "refunds.webhooks.allow-private-targets", true);

    @Test
    void undelivered_events_survive_a_restart_and_all_arrive() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        boolean[] down = {true};
        receiver.answer(path, call -> down[0] ? 500 : 200);
        String endpointId = endpoint(shop, path, "refund.created").path("id").asText();
        Set<String> refunds = new HashSet<>();
        Map<String, Object> slowRetries = webhookSettings();
        slowRetries.put("refunds.webhooks.retry-schedule", String.join(",", Collections.nCopies(20, "500ms")));
        slowRetries.put("refunds.settlement.enabled", false);

        replaceService(slowRetries);   // an instance that keeps failing, stopped while its deliveries are pending
        String first = paidPayment(shop, "1000.00");
        for (int i = 0; i < 3; i++) {
            refunds.add(refund(shop, first, "1" + i + ".00"));
        }
        await("a failed attempt at each", () -> deliveries(shop, endpointId).stream()
                .filter(d -> d.path("attempts").size() > 0).count() == 3);
        replaceService(QUIET);   // events written while nobody delivers
        String second = paidPayment(shop, "1000.00");
        for (int i = 0; i < 3; i++) {
            refunds.add(refund(shop, second, "2" + i + ".00"));
        }
        down[0] = false;
        replaceService(webhookSettings());   // a new instance on the same database
        await("all six events", () -> allIn(shop, endpointId, 6, "SUCCEEDED"));

        Set<String> delivered = receiver.at(path).stream()
                .map(request -> request.json().path("data").path("refund").path("refundId").asText())
                .collect(Collectors.toSet());
        assertThat(delivered).isEqualTo(refunds);
        List<JsonNode> retried = deliveries(shop, endpointId).stream()
                .filter(d -> d.path("attempts").size() > 1).toList();
        assertThat(retried).hasSize(3).allSatisfy(d -> {
            assertThat(d.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(500);
            assertThat(d.path("attempts").get(d.path("attempts").size() - 1).path("statusCode").asInt())
                    .isEqualTo(200);
        });
    }

    @Test
    void two_instances_on_one_database_fan_each_event_out_once_and_send_each_delivery_once() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        String endpointId = endpoint(shop, path).path("id").asText();
        try (RunningService second = RunningService.start(database, webhookSettings())) {
            String paymentId = paidPayment(shop, "10000.00");
            for (int i = 0; i < 20; i++) {
                refund(shop, paymentId, "1.00");   // created, processing, refunded: 60 events
            }
            await("60 deliveries", () -> allIn(shop, endpointId, 60, "SUCCEEDED"));
        }

        Map<String, Long> requestsPerEvent = receiver.at(path).stream()
                .collect(Collectors.groupingBy(request -> request.header("webhook-id"), Collectors.counting()));
        assertThat(requestsPerEvent).hasSize(60);
        assertThat(requestsPerEvent.values()).containsOnly(1L);
        assertThat(deliveries(shop, endpointId)).allSatisfy(d -> assertThat(d.path("attempts")).hasSize(1));
    }

    @Test
    void delivery_rate_and_latency_to_a_local_receiver_are_printed() throws InterruptedException {
        Merchant busy = api.createBusiness("AUTO", "MULTIPLE", null);
        String burstPath = newPath();
        replaceService(QUIET);   // a backlog builds while nobody delivers
        for (int i = 0; i < BURST_ENDPOINTS; i++) {
            endpoint(busy, burstPath, "refund.created");
        }
        String payment = paidPayment(busy, "10000.00");
        for (int i = 0; i < BURST_REFUNDS; i++) {
            refund(busy, payment, "1.00");
        }
        int expected = BURST_ENDPOINTS * BURST_REFUNDS;
        replaceService(webhookSettings());
        await(expected + " deliveries", () -> receiver.at(burstPath).size() >= expected);
        List<Receiver.Received> burst = receiver.at(burstPath);
        double seconds = (burst.get(burst.size() - 1).receivedNanos() - burst.get(0).receivedNanos()) / 1e9;
        assertThat(burst).hasSize(expected);

        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        endpoint(shop, path, "refund.created");
        String paymentId = paidPayment(shop, "10000.00");
        Map<String, Long> requestedAt = new HashMap<>();
        for (int i = 0; i < LATENCY_REFUNDS; i++) {
            long before = System.nanoTime();
            requestedAt.put(refund(shop, paymentId, "1.00"), before);
            Thread.sleep(25);
        }
        await("every refund.created", () -> receiver.at(path).size() >= LATENCY_REFUNDS);
        List<Long> latencies = new ArrayList<>(receiver.at(path).stream().map(request -> (request.receivedNanos()
                - requestedAt.get(request.json().path("data").path("refund").path("refundId").asText())) / 1_000_000)
                .sorted().toList());

        System.out.printf("webhooks on %s: backlog of %d deliveries (%d endpoints x %d events) drained in %.2f s ="
                        + " %.0f deliveries/s; create->delivered over %d refunds: p50 %d ms, max %d ms"
                        + " (poll every 100 ms, 8 senders, settle delay 0 s)%n", backend(), expected, BURST_ENDPOINTS,
                BURST_REFUNDS, seconds, expected / Math.max(seconds, 0.001), latencies.size(),
                latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
        assertThat(latencies).hasSize(LATENCY_REFUNDS);
    }

    /** Stops the running instance and starts another on the same database. */
    private void replaceService(Map<String, Object> settings) {
        service.close();
        service = null;
        service = RunningService.start(database, settings);
        api = service.api();
    }
}
