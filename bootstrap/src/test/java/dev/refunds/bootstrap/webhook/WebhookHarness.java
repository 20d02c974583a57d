package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running service with webhooks on, private targets allowed, a retry schedule of milliseconds and settlement
 * running with no delay, plus a local receiver. Every test makes its own businesses and receiver paths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookHarness {
    static final String ENDPOINTS = "/api/v1/webhook-endpoints";
    static final Duration WAIT_MAX = Duration.ofSeconds(60);

    RunningService service;
    Api api;
    Receiver receiver;
    JdbcSettings database;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    static Map<String, Object> webhookSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("refunds.webhooks.enabled", true);
        settings.put("refunds.webhooks.allow-private-targets", true);
        settings.put("refunds.webhooks.retry-schedule", "200ms,200ms,200ms");
        settings.put("refunds.webhooks.poll-every", "100ms");
        settings.put("refunds.webhooks.lease", "5s");
        settings.put("refunds.settlement.enabled", true);
        settings.put("refunds.settlement.poll-every", "100ms");
        settings.put("refunds.sandbox.settle-delay", "0s");
        return settings;
    }

    /** The service's settings; a suite that needs others changes a copy of {@link #webhookSettings()}. */
    Map<String, Object> settings() {
        return webhookSettings();
    }

    @BeforeParameterizedClassInvocation
    void start() {
        receiver = new Receiver();
        database = backend().newDatabase();
        service = RunningService.start(database, settings());
        api = service.api();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }

    static String newPath() {
        return "/hooks/" + UUID.randomUUID();
    }

    /** A new endpoint at {@code path} of the receiver; returns its data (with the secret). */
    JsonNode endpoint(Merchant merchant, String path, String... events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", receiver.url(path));
        if (events.length > 0) {
            body.put("events", List.of(events));
        }
        ApiResponse created = api.post(ENDPOINTS, Api.json(body), merchant.headers());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data();
    }

    String paidPayment(Merchant merchant, String amount) {
        return api.payment(merchant, amount, "BDT", "LINK", true).path("paymentId").asText();
    }

    String refund(Merchant merchant, String paymentId, String amount) {
        ApiResponse requested = api.post("/api/v1/payments/" + paymentId + "/refunds",
                Api.json(Map.of("amount", amount, "reason", "customer asked")), merchant.headers());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        return requested.text("refundId");
    }

    /** Every delivery of the endpoint, newest first, following the cursor. */
    List<JsonNode> deliveries(Merchant merchant, String endpointId) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = api.get(ENDPOINTS + "/" + endpointId + "/deliveries?limit=100"
                    + (cursor == null ? "" : "&startingAfter=" + cursor), merchant.headers());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.data().path("items").forEach(all::add);
            cursor = page.data().path("hasMore").asBoolean() ? all.get(all.size() - 1).path("deliveryId").asText()
                    : null;
        } while (cursor != null);
        return all;
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_MAX.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT_MAX.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** True once every delivery of the endpoint is in {@code status} and there are {@code count} of them. */
    boolean allIn(Merchant merchant, String endpointId, int count, String status) {
        List<JsonNode> found = deliveries(merchant, endpointId);
        return found.size() == count && found.stream().allMatch(d -> d.path("status").asText().equals(status));
    }
}
