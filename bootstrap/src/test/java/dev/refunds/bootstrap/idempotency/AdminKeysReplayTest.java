package dev.refunds.bootstrap.idempotency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyed admin POSTs: approval, rejection, dispute and business creation replay byte for byte and act once; a
 * replayed business shows its API key redacted, and the key is never stored in clear.
 */
@OnEveryBackend
class AdminKeysReplayTest extends IdempotencyHarness {

    @Test
    void an_approval_with_a_key_is_replayed_byte_for_byte_and_adds_no_second_approved_event() {
        Merchant merchant = manualBusiness();
        String paymentId = paidPayment(merchant, "100.00");
        String refundId = pendingReviewRefund(merchant, paymentId);
        String key = uniqueKey("approve");

        ApiResponse first = api.post(approve(refundId), null, adminKeyed(key));
        ApiResponse replay = api.post(approve(refundId), null, adminKeyed(key));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("INITIATED");
        assertReplayOf(first, replay);
        assertThat(database.eventsOf(paymentId, "refund.approved")).isEqualTo(1);
        assertError(api.post(approve(refundId), null, adminKeyed(uniqueKey("approve"))), 409, "INVALID_STATE");
    }

    @Test
    void a_rejection_with_a_key_is_replayed_and_its_key_with_another_reason_is_refused_as_reused() {
        Merchant merchant = manualBusiness();
        String paymentId = paidPayment(merchant, "100.00");
        String refundId = pendingReviewRefund(merchant, paymentId);
        String key = uniqueKey("reject");

        ApiResponse first = api.post(reject(refundId), "{\"reason\":\"no receipt\"}", adminKeyed(key));
        ApiResponse replay = api.post(reject(refundId), "{\"reason\":\"no receipt\"}", adminKeyed(key));
        ApiResponse reused = api.post(reject(refundId), "{\"reason\":\"other\"}", adminKeyed(key));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("REJECTED");
        assertReplayOf(first, replay);
        assertReused(reused);
        assertThat(database.eventsOf(paymentId, "refund.rejected")).isEqualTo(1);
    }

    @Test
    void a_dispute_opened_with_a_key_is_replayed_byte_for_byte_and_not_opened_twice() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String key = uniqueKey("dispute");

        ApiResponse first = api.post(disputes(paymentId), "{\"reason\":\"goods never arrived\"}", adminKeyed(key));
        ApiResponse replay = api.post(disputes(paymentId), "{\"reason\":\"goods never arrived\"}", adminKeyed(key));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertReplayOf(first, replay);
        assertThat(database.disputesOf(paymentId)).isEqualTo(1);
    }

    @Test
    void a_business_created_with_a_key_is_replayed_with_its_api_key_redacted_and_not_created_twice() {
        String name = "Idempotent shop " + UUID.randomUUID();
        String body = Api.json(Map.of("name", name, "reviewMode", "AUTO", "refundMode", "MULTIPLE"));
        String key = uniqueKey("business");

        ApiResponse first = api.post("/api/admin/businesses", body, adminKeyed(key));
        ApiResponse replay = api.post("/api/admin/businesses", body, adminKeyed(key));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(replay.headers().firstValue(REPLAYED)).contains("true");
        String apiKey = first.text("apiKey");
        String shown = replay.text("apiKey");
        assertThat(shown).as("the replayed apiKey").isNotBlank().isNotEqualTo(apiKey);
        assertThat(replay.raw()).doesNotContain(apiKey);
        ObjectNode expected = first.json().deepCopy();
        ((ObjectNode) expected.path("data")).put("apiKey", shown);
        assertThat(replay.json()).as("all but the apiKey as first answered").isEqualTo(expected);
        assertThat(replay.raw()).isEqualTo(first.raw().replace(Api.json(apiKey), Api.json(shown)));
        assertThat(database.businessesNamed(name)).isEqualTo(1);
        assertThat(database.key("admin", key).orElseThrow().responseBody()).as("the key is never stored in clear")
                .doesNotContain(apiKey);
        Merchant created = new Merchant(first.text("clientId"), first.text("businessId"), apiKey);
        assertThat(api.get(PAYMENTS, created.headers()).status()).as("the first apiKey works").isEqualTo(200);
    }
}
