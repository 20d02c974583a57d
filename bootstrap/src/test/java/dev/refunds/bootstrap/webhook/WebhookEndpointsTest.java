package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints API: create, read, list, delete, the delivery log's pages, validation and tenancy. */
@OnH2AndMariaDb
class WebhookEndpointsTest extends WebhookHarness {

    @Test
    void a_new_endpoint_shows_its_secret_once_and_subscribes_to_every_event_by_default() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        JsonNode created = endpoint(shop, newPath());

        assertThat(created.path("id").asText()).startsWith("we_");
        assertThat(created.path("secret").asText()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(created.path("secret").asText().substring(6)).length)
                .isGreaterThanOrEqualTo(24);
        assertThat(created.path("events")).extracting(JsonNode::asText).containsExactly("refund.created",
                "refund.approved", "refund.rejected", "refund.cancelled", "refund.processing", "payment.refunded",
                "payment.refund_failed", "payment.refund_reversed", "refund.updated");
        ApiResponse read = api.get(ENDPOINTS + "/" + created.path("id").asText(), shop.headers());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().has("secret")).isFalse();
        assertThat(read.text("url")).isEqualTo(created.path("url").asText());
        ApiResponse listed = api.get(ENDPOINTS, shop.headers());
        assertThat(listed.data().path("items")).extracting(item -> item.path("id").asText())
                .containsExactly(created.path("id").asText());
        assertThat(listed.raw()).doesNotContain("whsec_");
    }

    @Test
    void a_replayed_create_answers_the_same_endpoint_with_the_secret_redacted() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String body = Api.json(Map.of("url", receiver.url(newPath()), "events", List.of("payment.refunded")));
        String[] headers = Api.with(shop.headers(), "X-Idempotency-Key", "endpoint-1");

        ApiResponse first = api.post(ENDPOINTS, body, headers);
        ApiResponse again = api.post(ENDPOINTS, body, headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.text("secret")).doesNotStartWith("whsec_");
        assertThat(api.get(ENDPOINTS, shop.headers()).data().path("items")).hasSize(1);
    }

    @Test
    void a_missing_or_malformed_url_and_unknown_or_empty_events_are_refused_naming_the_field() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String url = receiver.url(newPath());

        assertRefused(shop, Map.of("events", List.of("refund.created")), "url");
        assertRefused(shop, Map.of("url", "ftp://127.0.0.1/hook"), "url");
        assertRefused(shop, Map.of("url", "not a url"), "url");
        assertRefused(shop, Map.of("url", 42), "url");
        assertRefused(shop, Map.of("url", url, "events", List.of("refund.created", "refund.exploded")), "events");
        assertRefused(shop, Map.of("url", url, "events", List.of()), "events");
        assertRefused(shop, Map.of("url", url, "events", "refund.created"), "events");
        assertRefused(shop, Map.of("url", url, "events", List.of(7)), "events");
        assertThat(api.get(ENDPOINTS, shop.headers()).data().path("items")).isEmpty();
    }

    @Test
    void private_and_plain_http_targets_are_refused_when_not_allowed() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        try (RunningService strict = RunningService.start(database, Map.of("refunds.webhooks.enabled", false))) {
            Api strictApi = strict.api();
            for (String url : List.of("http://93.184.215.14/hook", "https://127.0.0.1/hook", "https://localhost/hook",
                    "https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
                    "https://[::ffff:127.0.0.1]/hook", "https://2130706433/hook", "https://0177.0.0.1/hook",
                    "https://0x7f000001/hook", "https://100.64.0.1/hook", "https://[fe80::1]/hook")) {
                ApiResponse refused = strictApi.post(ENDPOINTS, Api.json(Map.of("url", url)), shop.headers());
                assertThat(refused.status()).as(url + " -> " + refused).isEqualTo(400);
                assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
                assertThat(refused.errorField()).isEqualTo("url");
            }
            ApiResponse accepted = strictApi.post(ENDPOINTS, Api.json(Map.of("url", "https://93.184.215.14/hook")),
                    shop.headers());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        }
    }

    @Test
    void another_business_sees_no_endpoint_delivery_or_retry_of_this_one_and_gets_its_events_on_none() {
        Merchant owner = api.createBusiness("AUTO", "MULTIPLE", null);
        Merchant stranger = api.createBusiness("AUTO", "MULTIPLE", null);
        String ownerPath = newPath();
        String strangerPath = newPath();
        String endpointId = endpoint(owner, ownerPath).path("id").asText();
        endpoint(stranger, strangerPath);
        refund(owner, paidPayment(owner, "100.00"), "10.00");
        await("the owner's first delivery", () -> !deliveries(owner, endpointId).isEmpty());
        String deliveryId = deliveries(owner, endpointId).get(0).path("deliveryId").asText();

        for (ApiResponse answer : List.of(api.get(ENDPOINTS + "/" + endpointId, stranger.headers()),
                api.send("DELETE", ENDPOINTS + "/" + endpointId, null, null, stranger.headers()),
                api.get(ENDPOINTS + "/" + endpointId + "/deliveries", stranger.headers()),
                api.post("/api/v1/webhook-deliveries/" + deliveryId + "/retry", null, stranger.headers()),
                api.get(ENDPOINTS + "/we_00000000000000000000", owner.headers()),
                api.post("/api/v1/webhook-deliveries/wd_00000000000000000000/retry", null, owner.headers()))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
        }
        assertThat(api.get(ENDPOINTS, stranger.headers()).data().path("items")).hasSize(1);
        await("the owner's events", () -> receiver.at(ownerPath).size() >= 3);
        assertThat(receiver.at(strangerPath)).isEmpty();
        assertThat(api.get(ENDPOINTS + "/" + endpointId, owner.headers()).status()).isEqualTo(200);
    }

    @Test
    void a_deleted_endpoint_is_gone_and_receives_nothing_more() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String deletedPath = newPath();
        String keptPath = newPath();
        String deletedId = endpoint(shop, deletedPath, "refund.created").path("id").asText();
        endpoint(shop, keptPath, "refund.created");

        ApiResponse deleted = api.send("DELETE", ENDPOINTS + "/" + deletedId, null, null, shop.headers());
        refund(shop, paidPayment(shop, "100.00"), "10.00");
        await("the kept endpoint's delivery", () -> receiver.at(keptPath).size() == 1);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("deleted").asBoolean()).isTrue();
        assertThat(api.get(ENDPOINTS + "/" + deletedId, shop.headers()).status()).isEqualTo(404);
        assertThat(api.get(ENDPOINTS + "/" + deletedId + "/deliveries", shop.headers()).status()).isEqualTo(404);
        assertThat(api.send("DELETE", ENDPOINTS + "/" + deletedId, null, null, shop.headers()).status())
                .isEqualTo(404);
        assertThat(api.get(ENDPOINTS, shop.headers()).data().path("items")).hasSize(1);
        assertThat(receiver.at(deletedPath)).isEmpty();
    }

    @Test
    void deliveries_are_listed_newest_first_in_cursor_pages() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String endpointId = endpoint(shop, newPath(), "refund.created").path("id").asText();
        String paymentId = paidPayment(shop, "100.00");
        List<String> refunds = List.of(refund(shop, paymentId, "1.00"), refund(shop, paymentId, "2.00"),
                refund(shop, paymentId, "3.00"));
        await("three deliveries", () -> allIn(shop, endpointId, 3, "SUCCEEDED"));
        String path = ENDPOINTS + "/" + endpointId + "/deliveries";

        ApiResponse first = api.get(path + "?limit=2", shop.headers());
        String cursor = first.data().path("items").get(1).path("deliveryId").asText();
        ApiResponse second = api.get(path + "?limit=2&startingAfter=" + cursor, shop.headers());

        assertThat(first.data().path("hasMore").asBoolean()).isTrue();
        assertThat(second.data().path("hasMore").asBoolean()).isFalse();
        assertThat(second.data().path("items")).hasSize(1);
        List<String> createdAt = deliveries(shop, endpointId).stream().map(d -> d.path("createdAt").asText()).toList();
        assertThat(createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(refunds).hasSize(3);
        assertThat(api.get(path + "?limit=0", shop.headers()).errorField()).isEqualTo("limit");
        assertThat(api.get(path + "?startingAfter=wd_unknown", shop.headers()).errorField())
                .isEqualTo("startingAfter");
    }

    private void assertRefused(Merchant shop, Map<String, ?> body, String field) {
        ApiResponse refused = api.post(ENDPOINTS, Api.json(body), shop.headers());
        assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.errorField()).as(body + " -> " + refused).isEqualTo(field);
    }
}
