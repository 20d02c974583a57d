package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyed {@code POST /api/v1/payments} and {@code …/complete}: the replay is the first answer byte for byte, nothing is
 * created or completed twice (counted in the database), the key with another body or another payment is {@code 422},
 * and without a key every POST creates anew.
 */
@OnEveryBackend
class PaymentKeysReplayTest extends IdempotencyHarness {

    @Test
    void a_payment_created_with_a_key_is_replayed_byte_for_byte_and_not_created_again() {
        Merchant merchant = business();
        String body = "{\"amount\":\"150.00\",\"currency\":\"BDT\",\"merchantRef\":\"order-1\"}";

        ApiResponse first = api.post(PAYMENTS, body, keyed(merchant, "create-order-1"));
        ApiResponse replay = api.post(PAYMENTS, body, keyed(merchant, "create-order-1"));

        assertThat(first.status()).as("first answer %s", first).isEqualTo(201);
        assertReplayOf(first, replay);
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
        assertThat(api.get(PAYMENTS, merchant.headers()).data().path("items")).hasSize(1);
    }

    @Test
    void a_payment_with_the_same_key_and_another_body_is_refused_as_reused_and_not_created() {
        Merchant merchant = business();
        ApiResponse first = api.post(PAYMENTS, "{\"amount\":\"150.00\",\"currency\":\"BDT\"}",
                keyed(merchant, "k"));

        ApiResponse reused = api.post(PAYMENTS, "{\"amount\":\"151.00\",\"currency\":\"BDT\"}", keyed(merchant, "k"));

        assertThat(first.status()).isEqualTo(201);
        assertReused(reused);
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
        assertThat(api.post(PAYMENTS, "{\"amount\":\"150.00\",\"currency\":\"BDT\"}", keyed(merchant, "k")).raw())
                .as("the key still answers its first request").isEqualTo(first.raw());
    }

    @Test
    void the_same_body_with_other_key_order_and_white_space_is_the_same_request() {
        Merchant merchant = business();
        ApiResponse first = api.post(PAYMENTS, "{\"amount\":\"150.00\",\"currency\":\"BDT\"}", keyed(merchant, "k"));

        ApiResponse replay = api.post(PAYMENTS, "{ \"currency\" : \"BDT\",\n  \"amount\" : \"150.00\" }",
                keyed(merchant, "k"));

        assertReplayOf(first, replay);
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
    }

    @Test
    void without_a_key_every_post_creates_anew() {
        Merchant merchant = business();
        String body = "{\"amount\":\"150.00\",\"currency\":\"BDT\"}";

        ApiResponse first = api.post(PAYMENTS, body, merchant.headers());
        ApiResponse second = api.post(PAYMENTS, body, merchant.headers());

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(second.text("paymentId")).isNotEqualTo(first.text("paymentId"));
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(2);
    }

    @Test
    void completing_a_payment_with_a_key_replays_the_first_answer_instead_of_refusing_an_already_completed_one() {
        Merchant merchant = business();
        String paymentId = pendingPayment(merchant, "100.00");
        String complete = PAYMENTS + "/" + paymentId + "/complete";

        ApiResponse first = api.post(complete, null, keyed(merchant, "complete-1"));
        ApiResponse replay = api.post(complete, null, keyed(merchant, "complete-1"));

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.text("status")).isEqualTo("COMPLETED");
        assertReplayOf(first, replay);
        assertError(api.post(complete, null, keyed(merchant, "complete-2")), 409, "INVALID_STATE");
        assertThat(payment(merchant, paymentId).path("completedAt").asText())
                .isEqualTo(first.text("completedAt"));
    }

    @Test
    void a_completion_key_reused_for_another_payment_is_refused_and_that_payment_stays_pending() {
        Merchant merchant = business();
        String paymentId = pendingPayment(merchant, "100.00");
        String otherId = pendingPayment(merchant, "100.00");
        api.post(PAYMENTS + "/" + paymentId + "/complete", null, keyed(merchant, "complete-1"));

        ApiResponse reused = api.post(PAYMENTS + "/" + otherId + "/complete", null, keyed(merchant, "complete-1"));

        assertReused(reused);
        assertThat(payment(merchant, otherId).path("status").asText()).isEqualTo("PENDING");
    }
}
