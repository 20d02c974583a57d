package dev.refunds.bootstrap.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyed refund request (v1 and v2) or cancellation: the replay is the first answer byte for byte, text beyond ASCII
 * included, and adds no refund and no event; the key with another amount or on another payment is {@code 422}.
 */
@OnEveryBackend
class RefundKeysReplayTest extends IdempotencyHarness {

    @Test
    void a_refund_requested_with_a_key_is_replayed_byte_for_byte_and_adds_no_refund_and_no_event() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");

        ApiResponse first = api.post(refunds(paymentId), refundBody("40.00"), keyed(merchant, "refund-1"));
        long refundsAfterFirst = database.refundsOf(paymentId);
        long eventsAfterFirst = database.eventsOf(paymentId);
        ApiResponse replay = api.post(refunds(paymentId), refundBody("40.00"), keyed(merchant, "refund-1"));

        assertThat(first.status()).as("%s", first).isEqualTo(202);
        assertReplayOf(first, replay);
        assertThat(refundsAfterFirst).isEqualTo(1);
        assertThat(eventsAfterFirst).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(1);
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId)).isEqualTo(1);
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("60.00");
    }

    @Test
    void a_replay_keeps_text_beyond_ascii_byte_for_byte() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String body = Api.json(Map.of("amount", "10.00",
                "reason", "Kunde \uD83D\uDE00 \u2014 r\u00e9clamation \u00abcolis\u00bb \u0431\u0438\u0442\u044b\u0439 \u4e2d\u6587"));

        ApiResponse first = api.post(refunds(paymentId), body, keyed(merchant, "unicode"));
        ApiResponse replay = api.post(refunds(paymentId), body, keyed(merchant, "unicode"));

        assertThat(first.status()).as("%s", first).isEqualTo(202);
        assertThat(first.text("reason")).contains("\uD83D\uDE00", "\u4e2d\u6587");
        assertReplayOf(first, replay);
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
    }

    @Test
    void a_refund_with_the_same_key_and_another_amount_is_refused_as_reused_and_nothing_is_added() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        ApiResponse first = api.post(refunds(paymentId), refundBody("40.00"), keyed(merchant, "refund-1"));

        ApiResponse reused = api.post(refunds(paymentId), refundBody("30.00"), keyed(merchant, "refund-1"));

        assertThat(first.status()).isEqualTo(202);
        assertReused(reused);
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId)).isEqualTo(1);
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("60.00");
    }

    @Test
    void the_same_key_and_body_on_another_payment_is_refused_as_reused() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String otherPaymentId = paidPayment(merchant, "100.00");
        ApiResponse first = api.post(refunds(paymentId), refundBody("40.00"), keyed(merchant, "refund-1"));

        ApiResponse reused = api.post(refunds(otherPaymentId), refundBody("40.00"), keyed(merchant, "refund-1"));

        assertThat(first.status()).isEqualTo(202);
        assertReused(reused);
        assertThat(database.refundsOf(otherPaymentId)).isZero();
        assertThat(database.eventsOf(otherPaymentId)).isZero();
    }

    @Test
    void cancelling_a_refund_with_a_key_is_replayed_and_adds_no_second_cancelled_event() {
        Merchant merchant = manualBusiness();
        String paymentId = paidPayment(merchant, "100.00");
        String refundId = pendingReviewRefund(merchant, paymentId);
        String cancel = refunds(paymentId) + "/" + refundId + "/cancel";

        ApiResponse first = api.post(cancel, null, keyed(merchant, "cancel-1"));
        ApiResponse replay = api.post(cancel, null, keyed(merchant, "cancel-1"));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("CANCELLED");
        assertReplayOf(first, replay);
        assertThat(database.eventsOf(paymentId, "refund.cancelled")).isEqualTo(1);
        assertError(api.post(cancel, null, keyed(merchant, "cancel-2")), 409, "INVALID_STATE");
    }

    @Test
    void a_v2_refund_with_a_key_is_replayed_byte_for_byte_and_its_key_with_another_amount_is_refused() {
        Merchant merchant = business();
        JsonNode paid = api.payment(merchant, "100.00", "BDT", "LINK", true);
        String paymentId = paid.path("paymentId").asText();
        String body = "{\"pay_id\":" + paid.path("payId").asLong() + ",\"refund_amount\":25.50}";

        ApiResponse first = api.post("/api/v2/refundPayment", body, keyed(merchant, "v2-refund"));
        ApiResponse replay = api.post("/api/v2/refundPayment", body, keyed(merchant, "v2-refund"));
        ApiResponse reused = api.post("/api/v2/refundPayment",
                "{\"pay_id\":" + paid.path("payId").asLong() + ",\"refund_amount\":25.51}", keyed(merchant, "v2-refund"));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertReplayOf(first, replay);
        assertThat(reused.status()).as("%s", reused).isEqualTo(422);
        assertThat(reused.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(1);
    }
}
