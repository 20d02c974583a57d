package dev.refunds.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reviewedBy} on every v1 refund view and webhook refund body: the name of the operator who approved or
 * rejected the refund, {@code null} until then and for refunds nobody reviews; v2 views do not show it.
 */
@OnH2AndMariaDb
class ReviewedByTest extends WebhookHarness {

    @Test
    void an_approval_by_a_named_reviewer_shows_its_name_on_every_v1_view_and_in_the_refund_approved_body() {
        String name = "Nadia " + UUID.randomUUID().toString().substring(0, 8);
        String reviewer = reviewerToken(name);
        Merchant shop = api.createBusiness("MANUAL", "MULTIPLE", null);
        String path = newPath();
        endpoint(shop, path, "refund.created", "refund.approved", "payment.refunded");
        JsonNode payment = api.payment(shop, "100.00", "BDT", "LINK", true);
        String paymentId = payment.path("paymentId").asText();
        ApiResponse requested = api.post(refunds(paymentId), Api.json(Map.of("amount", "10.00", "reason", "r")),
                shop.headers());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertReviewedByNull(requested.data());
        String refundId = requested.text("refundId");

        ApiResponse approved = api.post("/api/admin/refunds/" + refundId + "/approve", null, bearer(reviewer));

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("reviewedBy")).isEqualTo(name);
        assertEveryV1ViewNames(shop, paymentId, refundId, name);
        await("refund.approved delivered", () -> bodyOf(path, "refund.approved") != null);
        assertThat(bodyOf(path, "refund.approved").path("reviewedBy").asText()).isEqualTo(name);
        assertReviewedByNull(bodyOf(path, "refund.created"));
        await("payment.refunded delivered", () -> bodyOf(path, "payment.refunded") != null);
        assertThat(bodyOf(path, "payment.refunded").path("reviewedBy").asText())
                .as("settlement keeps the reviewer").isEqualTo(name);
        assertEveryV1ViewNames(shop, paymentId, refundId, name);
        ApiResponse v2 = api.get("/api/v2/refundStatus?pay_id=" + payment.path("payId").asText(), shop.headers());
        assertThat(v2.status()).as(v2.toString()).isEqualTo(200);
        assertThat(v2.raw()).as("v2 views are unchanged").doesNotContain("reviewedBy");
    }

    @Test
    void a_rejection_by_a_named_reviewer_shows_its_name_on_every_v1_view_and_in_the_refund_rejected_body() {
        String name = "Tariq " + UUID.randomUUID().toString().substring(0, 8);
        String reviewer = reviewerToken(name);
        Merchant shop = api.createBusiness("MANUAL", "MULTIPLE", null);
        String path = newPath();
        endpoint(shop, path, "refund.rejected");
        String paymentId = paidPayment(shop, "100.00");
        String refundId = refund(shop, paymentId, "20.00");
        String untouched = refund(shop, paymentId, "5.00");

        ApiResponse rejected = api.post("/api/admin/refunds/" + refundId + "/reject",
                Api.json(Map.of("reason", "no proof of return")), bearer(reviewer));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertEveryV1ViewNames(shop, paymentId, refundId, name);
        assertReviewedByNull(api.get(refunds(paymentId) + "/" + untouched, shop.headers()).data());
        await("refund.rejected delivered", () -> bodyOf(path, "refund.rejected") != null);
        JsonNode body = bodyOf(path, "refund.rejected");
        assertThat(body.path("reviewedBy").asText()).isEqualTo(name);
        assertThat(body.path("rejectReason").asText()).isEqualTo("no proof of return");
    }

    @Test
    void a_refund_nobody_reviews_shows_reviewed_by_null_on_every_v1_view_and_in_its_webhook_bodies() {
        Merchant shop = api.createBusiness("AUTO", "MULTIPLE", null);
        String path = newPath();
        endpoint(shop, path, "refund.created", "payment.refunded");
        String paymentId = paidPayment(shop, "100.00");
        String refundId = refund(shop, paymentId, "30.00");

        await("payment.refunded delivered", () -> bodyOf(path, "payment.refunded") != null);

        assertReviewedByNull(bodyOf(path, "refund.created"));
        assertReviewedByNull(bodyOf(path, "payment.refunded"));
        assertReviewedByNull(api.get(refunds(paymentId) + "/" + refundId, shop.headers()).data());
        assertReviewedByNull(only(api.get(refunds(paymentId), shop.headers()), refundId));
        assertReviewedByNull(only(api.get("/api/v1/refunds?paymentId=" + paymentId, shop.headers()), refundId));
    }

    private void assertEveryV1ViewNames(Merchant shop, String paymentId, String refundId, String name) {
        ApiResponse one = api.get(refunds(paymentId) + "/" + refundId, shop.headers());
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.text("reviewedBy")).as("GET one").isEqualTo(name);
        assertThat(only(api.get(refunds(paymentId), shop.headers()), refundId).path("reviewedBy").asText())
                .as("the payment's refunds").isEqualTo(name);
        assertThat(only(api.get("/api/v1/refunds?paymentId=" + paymentId, shop.headers()), refundId)
                .path("reviewedBy").asText()).as("GET /api/v1/refunds").isEqualTo(name);
    }

    private static void assertReviewedByNull(JsonNode refund) {
        assertThat(refund.has("reviewedBy")).as("reviewedBy is shown: %s", refund).isTrue();
        assertThat(refund.path("reviewedBy").isNull()).as("reviewedBy is null: %s", refund).isTrue();
    }

    private static JsonNode only(ApiResponse list, String refundId) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode item : list.data().path("items")) {
            if (item.path("refundId").asText().equals(refundId)) {
                return item;
            }
        }
        throw new AssertionError("refund " + refundId + " not listed: " + list);
    }

    /** The refund in the body of the first {@code type} event the receiver got at {@code path}, or null. */
    private JsonNode bodyOf(String path, String type) {
        List<Receiver.Received> received = receiver.at(path);
        return received.stream().map(Receiver.Received::json)
                .filter(event -> event.path("type").asText().equals(type))
                .map(event -> event.path("data").path("refund")).findFirst().orElse(null);
    }

    private String reviewerToken(String name) {
        ApiResponse created = api.post("/api/admin/operators", Api.json(Map.of("name", name, "role", "REVIEWER")),
                Api.admin());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("token");
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static String refunds(String paymentId) {
        return "/api/v1/payments/" + paymentId + "/refunds";
    }
}
