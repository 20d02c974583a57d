package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint's status as a subscriber drives it: {@code 410} disables at once, failures only for
 * {@code disable-after} disable too, {@code enable} resumes, {@code Retry-After} moves the next attempt.
 */
@OnH2AndMariaDb
class EndpointLifecycleTest extends WebhookHarness {
    static final Duration DISABLE_AFTER = Duration.ofSeconds(3);

    @Override
    Map<String, Object> settings() {
        Map<String, Object> settings = webhookSettings();
        settings.put("refunds.webhooks.retry-schedule", "200ms,200ms,4s");
        settings.put("refunds.webhooks.disable-after", DISABLE_AFTER.toMillis() + "ms");
        return settings;
    }

    @Test
    void a_410_disables_the_endpoint_at_once_nothing_more_is_sent_and_enable_resumes() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        AtomicBoolean gone = new AtomicBoolean(true);
        receiver.answer(path, call -> gone.get() ? 410 : 200);
        String endpointId = endpoint(shop, path).path("id").asText();
        String paymentId = paidPayment(shop, "100.00");

        refund(shop, paymentId, "10.00");   // created, processing, refunded
        await("the endpoint disabled", () -> status(shop, endpointId).equals("DISABLED"));
        await("every delivery failed", () -> allIn(shop, endpointId, 3, "FAILED"));
        int sent = receiver.at(path).size();
        refund(shop, paymentId, "11.00");
        await("the new refund's deliveries failed without an attempt", () -> allIn(shop, endpointId, 6, "FAILED"));
        assertThat(receiver.at(path)).hasSize(sent);
        assertThat(deliveries(shop, endpointId)).flatMap(d -> List.copyOf(toList(d.path("attempts"))))
                .hasSize(sent).allSatisfy(attempt -> assertThat(attempt.path("statusCode").asInt()).isEqualTo(410));
        System.out.printf("410 (%s): %d request(s) before the endpoint was disabled, none after%n", backend(), sent);

        gone.set(false);
        ApiResponse enabled = api.post(ENDPOINTS + "/" + endpointId + "/enable", null, shop.headers());
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.data().path("status").asText()).isEqualTo("ENABLED");
        refund(shop, paymentId, "12.00");
        await("the next refund's three events delivered", () -> deliveries(shop, endpointId).stream()
                .filter(d -> d.path("status").asText().equals("SUCCEEDED")).count() == 3);
        assertThat(receiver.at(path)).hasSize(sent + 3);
        assertThat(status(shop, endpointId)).isEqualTo("ENABLED");
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void an_endpoint_that_only_fails_for_the_disable_after_time_is_disabled_and_its_pending_deliveries_fail() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        receiver.answer(path, call -> 500);
        String endpointId = endpoint(shop, path, "refund.created").path("id").asText();

        refund(shop, paidPayment(shop, "100.00"), "10.00");
        await("the endpoint disabled", () -> status(shop, endpointId).equals("DISABLED"));

        List<JsonNode> found = deliveries(shop, endpointId);
        assertThat(found).singleElement().satisfies(d -> assertThat(d.path("status").asText()).isEqualTo("FAILED"));
        JsonNode attempts = found.get(0).path("attempts");
        long firstMs = java.time.Instant.parse(attempts.get(0).path("at").asText()).toEpochMilli();
        long lastMs = java.time.Instant.parse(attempts.get(attempts.size() - 1).path("at").asText()).toEpochMilli();
        assertThat(lastMs - firstMs).as("disabled once failing for %s", DISABLE_AFTER)
                .isGreaterThanOrEqualTo(DISABLE_AFTER.toMillis());
        assertThat(attempts).hasSize(4);   // 200 ms, 200 ms, then the 4 s step: past the 3 s
    }

    @Test
    void retry_after_3_on_a_503_moves_the_next_attempt_three_seconds_on() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        receiver.answer(path, call -> call == 1 ? 503 : 200);
        receiver.header(path, "Retry-After", "3");
        String endpointId = endpoint(shop, path, "refund.created").path("id").asText();

        refund(shop, paidPayment(shop, "100.00"), "10.00");
        await("delivered on the second attempt", () -> allIn(shop, endpointId, 1, "SUCCEEDED"));

        List<Receiver.Received> requests = receiver.at(path);
        assertThat(requests).hasSize(2);
        long gapMs = (requests.get(1).receivedNanos() - requests.get(0).receivedNanos()) / 1_000_000;
        System.out.printf("Retry-After 3 (%s): second attempt %d ms after the first (schedule says 200 ms)%n",
                backend(), gapMs);
        assertThat(gapMs).isGreaterThanOrEqualTo(3000).isLessThan(4000);
    }

    private String status(Merchant merchant, String endpointId) {
        ApiResponse found = api.get(ENDPOINTS + "/" + endpointId, merchant.headers());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.data().path("status").asText();
    }
}
