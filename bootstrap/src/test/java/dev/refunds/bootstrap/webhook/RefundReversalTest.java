package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's 31 path end to end, as a merchant and its webhook receiver see it: the refund is accepted, goes
 * PROCESSING, COMPLETED (the payment REFUNDED), then one settle delay later REVERSED (the payment COMPLETED
 * again, the amount refundable again), and {@code payment.refund_reversed} arrives signed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnH2AndMariaDb
class RefundReversalTest {
    private static final Duration SETTLE_DELAY = Duration.ofMillis(1500);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Receiver receiver;
    private RunningService service;
    private Api api;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    @BeforeParameterizedClassInvocation
    void start() {
        receiver = new Receiver();
        JdbcSettings database = backend().newDatabase();
        Map<String, Object> settings = WebhookHarness.webhookSettings();
        settings.put("refunds.sandbox.settle-delay", SETTLE_DELAY.toMillis() + "ms");
        settings.put("refunds.settlement.poll-every", "50ms");
        settings.put("refunds.settlement.check-every", "50ms");
        settings.put("refunds.settlement.check-every-max", "200ms");
        service = RunningService.start(database, settings);
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

    @Test
    void a_refund_ending_in_31_completes_then_is_reversed_and_the_amount_can_be_refunded_again() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = "/hooks/" + UUID.randomUUID();
        JsonNode endpoint = api.post("/api/v1/webhook-endpoints", Api.json(Map.of("url", receiver.url(path))),
                shop.headers()).data();
        String paymentId = api.payment(shop, "70.31", "BDT", "LINK", true).path("paymentId").asText();

        ApiResponse requested = api.post(refunds(paymentId), Api.json(Map.of("amount", "70.31", "reason",
                "card closed later")), shop.headers());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        String refundId = requested.text("refundId");
        List<String> seen = statusesUntil(shop, paymentId, refundId, "REVERSED");

        assertThat(seen).as("statuses seen while polling").containsSubsequence("PROCESSING", "COMPLETED",
                "REVERSED");
        JsonNode reversed = api.get(refunds(paymentId) + "/" + refundId, shop.headers()).data();
        assertThat(reversed.path("failureCode").asText()).isEqualTo("card_closed");
        assertThat(reversed.path("failureReason").asText("")).isNotBlank();
        assertThat(reversed.path("acquirerReference").asText()).matches("[0-9]{23}");
        Instant completedAt = Instant.parse(reversed.path("completedAt").asText());
        Instant reversedAt = Instant.parse(reversed.path("reversedAt").asText());
        assertThat(Duration.between(completedAt, reversedAt)).as("one settle delay after completing")
                .isGreaterThanOrEqualTo(SETTLE_DELAY.minusMillis(300));
        JsonNode payment = api.get("/api/v1/payments/" + paymentId, shop.headers()).data();
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("0.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("70.31");

        ApiResponse again = api.post(refunds(paymentId), Api.json(Map.of("amount", "70.31", "reason",
                "to another card")), shop.headers());
        assertThat(again.status()).as("a second refund of the same amount: %s", again).isEqualTo(202);

        String endpointId = endpoint.path("id").asText();
        WebhookHarness.await("payment.refund_reversed delivered", () -> receiver.at(path).stream()
                .anyMatch(r -> r.json().path("type").asText().equals("payment.refund_reversed")));
        Receiver.Received delivered = receiver.at(path).stream()
                .filter(r -> r.json().path("type").asText().equals("payment.refund_reversed")).findFirst()
                .orElseThrow();
        Map<String, JsonNode> byEventId = deliveries(shop, endpointId).stream()
                .collect(Collectors.toMap(d -> d.path("eventId").asText(), Function.identity()));
        WebhookDeliveryTest.assertSignedAndTyped(delivered, endpoint.path("secret").asText(), byEventId);
        JsonNode data = delivered.json().path("data");
        assertThat(data.path("refund").path("refundId").asText()).isEqualTo(refundId);
        assertThat(data.path("refund").path("status").asText()).isEqualTo("REVERSED");
        assertThat(data.path("refund").path("failureCode").asText()).isEqualTo("card_closed");
        assertThat(data.path("payment").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(data.path("payment").path("refundTotal").asText()).isEqualTo("0.00");
        assertThat(receiver.at(path).stream().map(Receiver.Received::json)
                .filter(body -> body.path("data").path("refund").path("refundId").asText().equals(refundId))
                .map(body -> body.path("type").asText())
                .filter(type -> Set.of("payment.refunded", "payment.refund_reversed").contains(type)))
                .as("the first refund: refunded once, reversed once")
                .containsExactlyInAnyOrder("payment.refunded", "payment.refund_reversed");
    }

    @Test
    void v2_shows_a_reversed_refund_as_reversed() {
        Merchant shop = api.createBusiness("AUTO", "SINGLE", null);
        JsonNode paid = api.payment(shop, "9.31", "BDT", "LINK", true);
        String paymentId = paid.path("paymentId").asText();
        ApiResponse requested = api.post("/api/v2/refundPayment", "{\"pay_id\": " + paid.path("payId").asLong()
                + ", \"refund_amount\": 9.31}", shop.headers());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
        String refundId = requested.data().path("refund_id").asText();
        statusesUntil(shop, paymentId, refundId, "REVERSED");

        ApiResponse status = api.get("/api/v2/refundStatus?pay_id=" + paid.path("payId").asLong(), shop.headers());

        assertThat(status.data().path("status").asText()).isEqualTo("Reversed");
        ApiResponse again = api.post("/api/v2/refundPayment", "{\"pay_id\": " + paid.path("payId").asLong()
                + ", \"refund_amount\": 9.31}", shop.headers());
        assertThat(again.status()).as("SINGLE: a reversed refund no longer counts: %s", again).isEqualTo(200);
    }

    private List<String> statusesUntil(Merchant shop, String paymentId, String refundId, String last) {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (seen.isEmpty() || !seen.get(seen.size() - 1).equals(last)) {
            assertThat(System.nanoTime()).as("%s reached %s within %s; seen %s", refundId, last, PATIENCE, seen)
                    .isLessThan(deadline);
            String status = api.get(refunds(paymentId) + "/" + refundId, shop.headers()).text("status");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
                if (status.equals("COMPLETED")) {
                    JsonNode payment = api.get("/api/v1/payments/" + paymentId, shop.headers()).data();
                    assertThat(payment.path("status").asText()).as("while the refund is COMPLETED")
                            .isIn("REFUNDED", "COMPLETED");
                    if (payment.path("refundTotal").asText().equals(payment.path("amount").asText())) {
                        assertThat(payment.path("status").asText()).isEqualTo("REFUNDED");
                    }
                }
            }
            pause();
        }
        return seen;
    }

    private List<JsonNode> deliveries(Merchant merchant, String endpointId) {
        List<JsonNode> all = new ArrayList<>();
        api.get("/api/v1/webhook-endpoints/" + endpointId + "/deliveries?limit=100", merchant.headers()).data()
                .path("items").forEach(all::add);
        return all;
    }

    private static String refunds(String paymentId) {
        return "/api/v1/payments/" + paymentId + "/refunds";
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
