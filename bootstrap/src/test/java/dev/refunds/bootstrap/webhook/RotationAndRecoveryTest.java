package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secret rotation as the Standard Webhooks library verifies it, and recovery of a window's failed deliveries. */
@OnH2AndMariaDb
class RotationAndRecoveryTest extends WebhookHarness {

    @Test
    void during_a_rotation_old_and_new_secret_both_verify_every_delivery_and_after_expiry_only_the_new_one()
            throws Exception {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        JsonNode endpoint = endpoint(shop, path);
        String oldSecret = endpoint.path("secret").asText();
        String endpointId = endpoint.path("id").asText();
        String paymentId = paidPayment(shop, "100.00");

        ApiResponse rotated = api.post(ENDPOINTS + "/" + endpointId + "/rotate-secret",
                Api.json(Map.of("expiresInSeconds", 3)), shop.headers());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.data().path("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        Instant expires = Instant.now().plusSeconds(3);
        refund(shop, paymentId, "10.00");
        await("three deliveries during the rotation", () -> receiver.at(path).size() == 3);
        for (Receiver.Received request : receiver.at(path)) {
            assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
            new Webhook(newSecret).verify(request.body(), headers(request));   // throws when it does not verify
            new Webhook(oldSecret).verify(request.body(), headers(request));
        }

        Thread.sleep(Math.max(0, Instant.now().until(expires, ChronoUnit.MILLIS)) + 200);
        refund(shop, paymentId, "11.00");
        await("three more after the old secret expired", () -> receiver.at(path).size() == 6);
        for (Receiver.Received request : receiver.at(path).subList(3, 6)) {
            assertThat(request.header("webhook-signature").split(" ")).hasSize(1);
            new Webhook(newSecret).verify(request.body(), headers(request));
            assertThatThrownBy(() -> new Webhook(oldSecret).verify(request.body(), headers(request)))
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void rotate_secret_refuses_an_expiry_over_seven_days_and_answers_404_for_another_business() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        Merchant other = api.createBusiness("AUTO", "MULTIPLE", null);
        String endpointId = endpoint(shop, newPath()).path("id").asText();

        ApiResponse tooLong = api.post(ENDPOINTS + "/" + endpointId + "/rotate-secret",
                Api.json(Map.of("expiresInSeconds", 604_801)), shop.headers());
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(api.post(ENDPOINTS + "/" + endpointId + "/rotate-secret", null, other.headers()).status())
                .isEqualTo(404);
        assertThat(api.post(ENDPOINTS + "/" + endpointId + "/rotate-secret", null, shop.headers()).status())
                .isEqualTo(200);   // no body: the old secret signs for a day
    }

    @Test
    void recover_sends_again_exactly_the_failed_deliveries_of_the_window() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        receiver.answer(path, call -> call <= 12 ? 500 : 200);   // three deliveries of four attempts each fail
        String endpointId = endpoint(shop, path, "refund.created").path("id").asText();
        String paymentId = paidPayment(shop, "100.00");
        refund(shop, paymentId, "10.00");
        await("the first delivery failed", () -> allIn(shop, endpointId, 1, "FAILED"));
        refund(shop, paymentId, "11.00");
        refund(shop, paymentId, "12.00");
        await("all three failed", () -> allIn(shop, endpointId, 3, "FAILED"));
        List<JsonNode> failed = deliveries(shop, endpointId);   // newest first
        String since = failed.get(1).path("createdAt").asText();
        Set<String> inWindow = failed.subList(0, 2).stream().map(d -> d.path("eventId").asText())
                .collect(Collectors.toSet());

        ApiResponse recovered = api.post(ENDPOINTS + "/" + endpointId + "/recover",
                Api.json(Map.of("since", since)), shop.headers());
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(202);
        assertThat(recovered.data().path("recovered").asInt()).isEqualTo(2);
        await("the two sent again", () -> receiver.at(path).size() == 14);
        await("and succeeded", () -> deliveries(shop, endpointId).stream()
                .filter(d -> d.path("status").asText().equals("SUCCEEDED")).count() == 2);

        assertThat(receiver.at(path).subList(12, 14)).extracting(r -> r.header("webhook-id"))
                .containsExactlyInAnyOrderElementsOf(inWindow);
        assertThat(deliveries(shop, endpointId).get(2).path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void recover_refuses_a_window_more_than_14_days_back_or_ending_before_it_starts() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String endpointId = endpoint(shop, newPath()).path("id").asText();
        String recover = ENDPOINTS + "/" + endpointId + "/recover";
        Instant now = Instant.now();

        assertThat(api.post(recover, Api.json(Map.of("since", now.minus(15, ChronoUnit.DAYS).toString())),
                shop.headers()).status()).isEqualTo(400);
        assertThat(api.post(recover, Api.json(Map.of("since", now.minusSeconds(60).toString(),
                "until", now.minusSeconds(120).toString())), shop.headers()).status()).isEqualTo(400);
        assertThat(api.post(recover, Api.json(Map.of("since", "yesterday")), shop.headers()).status())
                .isEqualTo(400);
        assertThat(api.post(recover, Api.json(Map.of()), shop.headers()).status()).isEqualTo(400);
        ApiResponse none = api.post(recover, Api.json(Map.of("since", now.minus(13, ChronoUnit.DAYS).toString())),
                shop.headers());
        assertThat(none.status()).as(none.toString()).isEqualTo(202);
        assertThat(none.data().path("recovered").asInt()).isZero();
    }

    @Test
    void thirty_two_concurrent_creates_leave_exactly_sixteen_endpoints() throws Exception {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return api.post(ENDPOINTS, Api.json(Map.of("url", receiver.url(newPath()))), shop.headers())
                        .status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(16);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(400);
        assertThat(api.get(ENDPOINTS, shop.headers()).data().path("items")).hasSize(16);
    }

    private static Map<String, List<String>> headers(Receiver.Received request) {
        return Map.of("webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
    }
}
