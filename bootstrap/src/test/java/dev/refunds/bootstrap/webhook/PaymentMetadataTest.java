package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment metadata: given on {@code POST /api/v1/payments}, shown in the v1 views, the admin payment page and the
 * {@code payment} of webhook bodies ({@code {}} when none), refused past Stripe's limits with nothing created.
 */
@OnH2AndMariaDb
class PaymentMetadataTest extends WebhookHarness {
    private static final String PAYMENTS = "/api/v1/payments";

    @Test
    void metadata_given_on_create_is_shown_in_the_answer_get_list_admin_page_and_webhook_body() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        endpoint(shop, path, "refund.created");
        Map<String, String> expected = Map.of("order", "A-17", "channel", "web");

        ApiResponse created = api.post(PAYMENTS, Api.json(Map.of("amount", "100.00", "currency", "BDT",
                "metadata", expected)), shop.headers());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(metadataOf(created.data())).isEqualTo(expected);
        String paymentId = created.text("paymentId");
        assertThat(metadataOf(api.get(PAYMENTS + "/" + paymentId, shop.headers()).data())).isEqualTo(expected);
        JsonNode listed = api.get(PAYMENTS, shop.headers()).data().path("items").get(0);
        assertThat(listed.path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(metadataOf(listed)).isEqualTo(expected);
        JsonNode adminPage = api.get("/api/admin/payments/" + paymentId, Api.admin()).data();
        assertThat(metadataOf(adminPage.path("payment"))).isEqualTo(expected);
        ApiResponse completed = api.post(PAYMENTS + "/" + paymentId + "/complete", null, shop.headers());
        assertThat(metadataOf(completed.data())).as("completing keeps it").isEqualTo(expected);

        refund(shop, paymentId, "10.00");

        await("refund.created delivered", () -> receiver.at(path).size() == 1);
        JsonNode payment = receiver.at(path).get(0).json().path("data").path("payment");
        assertThat(payment.path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(metadataOf(payment)).isEqualTo(expected);
        assertThat(payment.path("refundTotal").asText()).isEqualTo("0.00");
    }

    @Test
    void a_payment_without_metadata_shows_an_empty_object_everywhere() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        endpoint(shop, path, "refund.created");
        String paymentId = paidPayment(shop, "50.00");

        refund(shop, paymentId, "5.00");

        assertEmptyMetadata(api.get(PAYMENTS + "/" + paymentId, shop.headers()).data());
        assertEmptyMetadata(api.get(PAYMENTS, shop.headers()).data().path("items").get(0));
        assertEmptyMetadata(api.get("/api/admin/payments/" + paymentId, Api.admin()).data().path("payment"));
        await("refund.created delivered", () -> receiver.at(path).size() == 1);
        assertEmptyMetadata(receiver.at(path).get(0).json().path("data").path("payment"));
    }

    @Test
    void a_create_replayed_with_its_idempotency_key_answers_the_same_payment_with_its_metadata() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String body = Api.json(Map.of("amount", "20.00", "currency", "BDT", "metadata", Map.of("cart", "c-9")));
        String[] headers = Api.with(shop.headers(), "X-Idempotency-Key", "pay-meta-" + shop.businessId());

        ApiResponse first = api.post(PAYMENTS, body, headers);
        ApiResponse replayed = api.post(PAYMENTS, body, headers);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replayed.data()).isEqualTo(first.data());
        assertThat(metadataOf(replayed.data())).isEqualTo(Map.of("cart", "c-9"));
        assertThat(api.get(PAYMENTS, shop.headers()).data().path("items")).hasSize(1);
    }

    @Test
    void metadata_past_the_limits_or_not_strings_is_a_400_naming_metadata_and_creates_no_payment() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        Map<String, String> fiftyOne = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.put("k" + i, "v");
        }
        List<Object> bad = List.of(fiftyOne, Map.of("x".repeat(41), "v"), Map.of("k", "v".repeat(501)),
                Map.of("", "v"), Map.of("k", ""), Map.of("k", 5), Map.of("k", List.of("v")), List.of("k"), "k=v");

        for (Object metadata : bad) {
            String body = Api.json(Map.of("amount", "10.00", "currency", "BDT", "metadata", metadata));
            ApiResponse refused = api.post(PAYMENTS, body, shop.headers());
            assertThat(refused.status()).as("%s -> %s", body, refused).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.errorField()).as("%s -> %s", body, refused).isEqualTo("metadata");
        }
        ApiResponse nullValue = api.post(PAYMENTS, "{\"amount\": \"10.00\", \"currency\": \"BDT\","
                + " \"metadata\": {\"k\": null}}", shop.headers());
        assertThat(nullValue.status()).as(nullValue.toString()).isEqualTo(400);
        assertThat(nullValue.errorField()).isEqualTo("metadata");

        assertThat(api.get(PAYMENTS, shop.headers()).data().path("items")).as("no payment created").isEmpty();
    }

    @Test
    void metadata_at_the_limits_is_accepted() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 49; i++) {
            fifty.put("k" + i, "v".repeat(500));
        }
        fifty.put("x".repeat(40), "1");

        ApiResponse created = api.post(PAYMENTS, Api.json(Map.of("amount", "10.00", "currency", "BDT",
                "metadata", fifty)), shop.headers());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode read = api.get(PAYMENTS + "/" + created.text("paymentId"), shop.headers()).data();
        assertThat(metadataOf(read)).isEqualTo(fifty);
    }

    private static void assertEmptyMetadata(JsonNode payment) {
        assertThat(payment.path("metadata").isObject() && payment.path("metadata").isEmpty())
                .as("%s", payment).isTrue();
    }

    private static Map<String, String> metadataOf(JsonNode payment) {
        Map<String, String> pairs = new HashMap<>();
        payment.path("metadata").fields().forEachRemaining(pair -> pairs.put(pair.getKey(), pair.getValue().asText()));
        return pairs;
    }
}
