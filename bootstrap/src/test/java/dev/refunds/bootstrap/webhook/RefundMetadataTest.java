package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refund metadata: given on create, shown in every view and webhook body, merged by
 * {@code POST …/refunds/{refundId}} (which writes {@code refund.updated}), refused past Stripe's limits.
 */
@OnH2AndMariaDb
class RefundMetadataTest extends WebhookHarness {

    @Test
    void metadata_given_on_create_is_shown_in_the_answer_the_refund_the_list_and_the_webhook() {
        Merchant shop = api.createBusiness("MANUAL", "MULTIPLE", null);
        String path = newPath();
        endpoint(shop, path, "refund.created");
        String paymentId = paidPayment(shop, "100.00");

        ApiResponse created = api.post(refunds(paymentId), Api.json(Map.of("amount", "10.00", "reason", "r",
                "metadata", Map.of("order", "A-17", "channel", "web"))), shop.headers());

        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        Map<String, String> expected = Map.of("order", "A-17", "channel", "web");
        assertThat(metadataOf(created.data())).isEqualTo(expected);
        String refundId = created.text("refundId");
        assertThat(metadataOf(api.get(refunds(paymentId) + "/" + refundId, shop.headers()).data())).isEqualTo(expected);
        assertThat(metadataOf(api.get("/api/v1/refunds?paymentId=" + paymentId, shop.headers()).data()
                .path("items").get(0))).isEqualTo(expected);
        await("refund.created delivered", () -> receiver.at(path).size() == 1);
        assertThat(metadataOf(receiver.at(path).get(0).json().path("data").path("refund"))).isEqualTo(expected);
        JsonNode none = api.post(refunds(paymentId), Api.json(Map.of("amount", "1.00", "reason", "r")),
                shop.headers()).data();
        assertThat(none.path("metadata").isObject() && none.path("metadata").isEmpty()).as("%s", none).isTrue();
    }

    @Test
    void an_update_merges_the_metadata_removes_empty_keys_changes_nothing_else_and_writes_refund_updated() {
        Merchant shop = api.createBusiness("MANUAL", "MULTIPLE", null);
        String path = newPath();
        JsonNode endpoint = endpoint(shop, path, "refund.updated");
        String paymentId = paidPayment(shop, "100.00");
        String refundId = api.post(refunds(paymentId), Api.json(Map.of("amount", "10.00", "reason", "r",
                "metadata", Map.of("order", "A-17", "note", "gift"))), shop.headers()).text("refundId");
        JsonNode before = api.get(refunds(paymentId) + "/" + refundId, shop.headers()).data();
        String body = Api.json(Map.of("metadata", Map.of("order", "A-18", "note", "", "ticket", "T-1")));

        ApiResponse updated = api.post(refunds(paymentId) + "/" + refundId, body, withKey(shop, "meta-1"));
        ApiResponse replayed = api.post(refunds(paymentId) + "/" + refundId, body, withKey(shop, "meta-1"));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        Map<String, String> expected = Map.of("order", "A-18", "ticket", "T-1");
        assertThat(metadataOf(updated.data())).isEqualTo(expected);
        assertThat(withoutMetadata(updated.data())).isEqualTo(withoutMetadata(before));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        JsonNode read = api.get(refunds(paymentId) + "/" + refundId, shop.headers()).data();
        assertThat(metadataOf(read)).isEqualTo(expected);
        await("refund.updated delivered", () -> receiver.at(path).size() == 1);
        Receiver.Received event = receiver.at(path).get(0);
        assertThat(event.json().path("type").asText()).isEqualTo("refund.updated");
        assertThat(metadataOf(event.json().path("data").path("refund"))).isEqualTo(expected);
        assertThat(event.json().path("data").path("refund").path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(Signatures.verify(endpoint.path("secret").asText(), event.header("webhook-id"),
                event.header("webhook-timestamp"), event.body(), event.header("webhook-signature"))).isTrue();
        pause(500);
        assertThat(receiver.at(path)).as("the replay wrote no second event").hasSize(1);
    }

    @Test
    void metadata_past_the_limits_or_not_strings_is_a_400_naming_metadata_and_changes_nothing() {
        Merchant shop = api.createBusiness("MANUAL", "MULTIPLE", null);
        String path = newPath();
        endpoint(shop, path, "refund.updated");
        String paymentId = paidPayment(shop, "100.00");
        String refundId = api.post(refunds(paymentId), Api.json(Map.of("amount", "10.00", "reason", "r",
                "metadata", Map.of("order", "A-17"))), shop.headers()).text("refundId");
        JsonNode before = api.get(refunds(paymentId) + "/" + refundId, shop.headers()).data();
        Map<String, String> fiftyOne = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.put("k" + i, "v");
        }
        Map<String, String> fortyNineMore = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fortyNineMore.put("n" + i, "v");
        }
        List<String> bad = new ArrayList<>(List.of(
                Api.json(Map.of("metadata", fiftyOne)),
                Api.json(Map.of("metadata", Map.of("x".repeat(41), "v"))),
                Api.json(Map.of("metadata", Map.of("k", "v".repeat(501)))),
                Api.json(Map.of("metadata", Map.of("", "v"))),
                "{\"metadata\": {\"k\": 5}}",
                "{\"metadata\": {\"k\": null}}",
                "{\"metadata\": [\"k\"]}",
                "{\"metadata\": \"k=v\"}",
                "{}",
                Api.json(Map.of("metadata", fortyNineMore))));

        for (String body : bad) {
            ApiResponse refused = api.post(refunds(paymentId) + "/" + refundId, body, shop.headers());
            assertThat(refused.status()).as("%s -> %s", body, refused).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.errorField()).as("%s -> %s", body, refused).isEqualTo("metadata");
        }
        ApiResponse createRefused = api.post(refunds(paymentId), Api.json(Map.of("amount", "1.00", "reason", "r",
                "metadata", Map.of("k", "v".repeat(501)))), shop.headers());
        assertThat(createRefused.status()).isEqualTo(400);
        assertThat(createRefused.errorField()).isEqualTo("metadata");

        assertThat(api.get(refunds(paymentId) + "/" + refundId, shop.headers()).data()).isEqualTo(before);
        assertThat(api.get(refunds(paymentId), shop.headers()).data().path("items")).hasSize(1);
        pause(500);
        assertThat(receiver.at(path)).as("no refund.updated for a refused update").isEmpty();
    }

    @Test
    void an_update_of_a_refund_that_is_not_there_for_this_business_and_payment_is_not_found() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = paidPayment(shop, "100.00");
        String otherPayment = paidPayment(shop, "100.00");
        String refundId = refund(shop, paymentId, "10.00");
        String body = Api.json(Map.of("metadata", Map.of("k", "v")));

        assertThat(api.post(refunds(otherPayment) + "/" + refundId, body, shop.headers()).status()).isEqualTo(404);
        Merchant stranger = api.createBusiness("AUTO", "MULTIPLE", null);
        assertThat(api.post(refunds(paymentId) + "/" + refundId, body, stranger.headers()).status()).isEqualTo(404);
        assertThat(metadataOf(api.get(refunds(paymentId) + "/" + refundId, shop.headers()).data())).isEmpty();
    }

    private static Map<String, String> metadataOf(JsonNode refund) {
        Map<String, String> pairs = new HashMap<>();
        refund.path("metadata").fields().forEachRemaining(pair -> pairs.put(pair.getKey(), pair.getValue().asText()));
        return pairs;
    }

    private static JsonNode withoutMetadata(JsonNode refund) {
        ObjectNode copy = refund.deepCopy();
        copy.remove("metadata");
        return copy;
    }

    private static String[] withKey(Merchant merchant, String key) {
        String[] base = merchant.headers();
        String[] all = java.util.Arrays.copyOf(base, base.length + 2);
        all[base.length] = "X-Idempotency-Key";
        all[base.length + 1] = key + "-" + merchant.businessId();
        return all;
    }

    private static String refunds(String paymentId) {
        return "/api/v1/payments/" + paymentId + "/refunds";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
