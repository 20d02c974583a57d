package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Deliveries as a receiver sees them: every event type, signed; subscriptions; retries, automatic and by hand. */
@OnH2AndMariaDb
class WebhookDeliveryTest extends WebhookHarness {

    @Test
    void every_event_type_arrives_signed_with_the_event_as_its_body() {
        Merchant shop = api.createBusiness("MANUAL", "MULTIPLE", null);
        String path = newPath();
        JsonNode endpoint = endpoint(shop, path);
        String paymentId = paidPayment(shop, "1000.00");
        String completed = refund(shop, paymentId, "100.00");
        String rejected = refund(shop, paymentId, "50.00");
        String cancelled = refund(shop, paymentId, "20.00");
        String failed = refund(shop, paymentId, "10.13");   // the sandbox declines amounts ending in 13
        assertThat(api.post("/api/admin/refunds/" + completed + "/approve", null, Api.admin()).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/refunds/" + failed + "/approve", null, Api.admin()).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/refunds/" + rejected + "/reject", Api.json(Map.of("reason", "no")),
                Api.admin()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/payments/" + paymentId + "/refunds/" + cancelled + "/cancel", null,
                shop.headers()).status()).isEqualTo(200);
        String endpointId = endpoint.path("id").asText();
        await("12 events delivered", () -> allIn(shop, endpointId, 12, "SUCCEEDED"));

        List<Receiver.Received> requests = receiver.at(path);
        Map<String, JsonNode> byEventId = deliveries(shop, endpointId).stream()
                .collect(Collectors.toMap(d -> d.path("eventId").asText(), Function.identity()));
        assertThat(requests).hasSize(12);
        for (Receiver.Received request : requests) {
            assertSignedAndTyped(request, endpoint.path("secret").asText(), byEventId);
            JsonNode body = request.json();
            assertThat(body.path("data").path("payment").path("paymentId").asText()).isEqualTo(paymentId);
            assertThat(body.path("data").path("refund").path("refundId").asText())
                    .isIn(completed, rejected, cancelled, failed);
        }
        assertThat(requests.stream().map(r -> r.json().path("type").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))).isEqualTo(Map.of(
                "refund.created", 4L, "refund.approved", 2L, "refund.processing", 2L, "payment.refunded", 1L,
                "payment.refund_failed", 1L, "refund.rejected", 1L, "refund.cancelled", 1L));
        for (JsonNode delivery : byEventId.values()) {
            assertThat(delivery.path("endpointId").asText()).isEqualTo(endpointId);
            assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
            assertThat(delivery.path("attempts")).singleElement().satisfies(attempt -> {
                assertThat(attempt.path("statusCode").asInt()).isEqualTo(200);
                assertThat(attempt.path("error").isNull()).isTrue();
                assertThat(attempt.path("latencyMs").asLong()).isNotNegative();
            });
        }
    }

    @Test
    void an_endpoint_receives_only_the_event_types_it_subscribed_to() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String refundedPath = newPath();
        String allPath = newPath();
        endpoint(shop, refundedPath, "payment.refunded");
        endpoint(shop, allPath);

        String refundId = refund(shop, paidPayment(shop, "100.00"), "40.00");
        await("created, processing and refunded", () -> receiver.at(allPath).size() == 3);
        await("refunded", () -> receiver.at(refundedPath).size() == 1);

        JsonNode only = receiver.at(refundedPath).get(0).json();
        assertThat(only.path("type").asText()).isEqualTo("payment.refunded");
        assertThat(only.path("data").path("refund").path("refundId").asText()).isEqualTo(refundId);
        assertThat(only.path("data").path("refund").path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void a_receiver_failing_twice_gets_the_event_on_the_third_attempt_with_the_same_webhook_id() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        receiver.answer(path, call -> call <= 2 ? 500 : 200);
        JsonNode endpoint = endpoint(shop, path, "refund.created");
        String endpointId = endpoint.path("id").asText();

        refund(shop, paidPayment(shop, "100.00"), "10.00");
        await("success on the third attempt", () -> allIn(shop, endpointId, 1, "SUCCEEDED"));

        JsonNode delivery = deliveries(shop, endpointId).get(0);
        assertThat(delivery.path("attempts")).extracting(a -> a.path("statusCode").asInt())
                .containsExactly(500, 500, 200);
        List<Receiver.Received> requests = receiver.at(path);
        assertThat(requests).hasSize(3).allSatisfy(request ->
                assertSignedAndTyped(request, endpoint.path("secret").asText(),
                        Map.of(delivery.path("eventId").asText(), delivery)));
    }

    @Test
    void a_delivery_failing_every_attempt_is_failed_and_a_manual_retry_delivers_it() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        boolean[] down = {true};
        receiver.answer(path, call -> down[0] ? 503 : 204);
        String endpointId = endpoint(shop, path, "refund.created").path("id").asText();
        refund(shop, paidPayment(shop, "100.00"), "10.00");
        await("FAILED after 4 attempts", () -> allIn(shop, endpointId, 1, "FAILED"));
        JsonNode failed = deliveries(shop, endpointId).get(0);
        String retry = "/api/v1/webhook-deliveries/" + failed.path("deliveryId").asText() + "/retry";
        assertThat(failed.path("attempts")).hasSize(4)
                .allSatisfy(attempt -> assertThat(attempt.path("statusCode").asInt()).isEqualTo(503));
        assertThat(failed.path("nextAttemptAt").isNull()).isTrue();

        down[0] = false;
        ApiResponse retried = api.post(retry, null, shop.headers());
        await("the manual retry", () -> allIn(shop, endpointId, 1, "SUCCEEDED"));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(retried.text("status")).isEqualTo("PENDING");
        JsonNode delivered = deliveries(shop, endpointId).get(0);
        assertThat(delivered.path("attempts")).hasSize(5);
        assertThat(delivered.path("attempts").get(4).path("statusCode").asInt()).isEqualTo(204);
        ApiResponse again = api.post(retry, null, shop.headers());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("INVALID_STATE");
    }

    /** The headers of Standard Webhooks, a signature that verifies, and a body matching its delivery. */
    static void assertSignedAndTyped(Receiver.Received request, String secret, Map<String, JsonNode> byEventId) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(byEventId).containsKey(id);
        assertThat(Long.parseLong(timestamp)).isBetween(Instant.now().getEpochSecond() - 300,
                Instant.now().getEpochSecond() + 5);
        assertThat(Signatures.verify(secret, id, timestamp, request.body(), request.header("webhook-signature")))
                .as("signature of " + id).isTrue();
        JsonNode body = request.json();
        assertThat(body.path("type").asText()).isEqualTo(byEventId.get(id).path("eventType").asText());
        assertThat(Set.of("type", "timestamp", "data")).allMatch(body::has);
    }
}
