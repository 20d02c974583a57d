package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an unsuccessful keyed request leaves of its key: a {@code 400} or a {@code 5xx} keeps nothing (and a 5xx rolls
 * back), so the fixed or repeated request runs with the same key; a business refusal ({@code 409}) is an answer, kept
 * and replayed even after the payment changed.
 */
@OnEveryBackend
class RefusedAndFailedRequestsTest extends IdempotencyHarness {

    @Test
    void a_payment_refused_as_invalid_keeps_no_key_so_the_fixed_body_succeeds_with_the_same_key() {
        Merchant merchant = business();

        ApiResponse invalid = api.post(PAYMENTS, "{\"amount\":\"1.234\",\"currency\":\"BDT\"}", keyed(merchant, "k"));
        ApiResponse missing = api.post(PAYMENTS, "{\"currency\":\"BDT\"}", keyed(merchant, "k"));
        ApiResponse malformed = api.post(PAYMENTS, "{\"amount\":", keyed(merchant, "k"));

        for (ApiResponse refused : new ApiResponse[] {invalid, missing, malformed}) {
            assertError(refused, 400, "VALIDATION_ERROR");
            assertThat(refused.headers().firstValue(REPLAYED)).as("replay header on %s", refused).isEmpty();
        }
        assertThat(database.key(merchant.businessId(), "k")).as("a 400 keeps no key").isEmpty();
        ApiResponse fixed = api.post(PAYMENTS, "{\"amount\":\"1.23\",\"currency\":\"BDT\"}", keyed(merchant, "k"));
        assertThat(fixed.status()).as("the fixed request with the same key: %s", fixed).isEqualTo(201);
        assertThat(fixed.headers().firstValue(REPLAYED)).isEmpty();
        assertReplayOf(fixed, api.post(PAYMENTS, "{\"amount\":\"1.23\",\"currency\":\"BDT\"}", keyed(merchant, "k")));
        assertThat(database.paymentsOf(merchant.businessId())).isEqualTo(1);
    }

    @Test
    void a_refund_refused_as_invalid_keeps_no_key_so_the_fixed_refund_succeeds_with_the_same_key() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");

        ApiResponse badAmount = api.post(refunds(paymentId), refundBody("ten"), keyed(merchant, "refund-1"));
        ApiResponse noReason = api.post(refunds(paymentId), "{\"amount\":\"10.00\"}", keyed(merchant, "refund-1"));

        assertError(badAmount, 400, "VALIDATION_ERROR");
        assertError(noReason, 400, "VALIDATION_ERROR");
        assertThat(database.key(merchant.businessId(), "refund-1")).isEmpty();
        ApiResponse fixed = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-1"));
        assertThat(fixed.status()).as("the fixed refund with the same key: %s", fixed).isEqualTo(202);
        assertThat(fixed.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
        assertThat(database.eventsOf(paymentId, "refund.created")).isEqualTo(1);
    }

    @Test
    void an_admin_request_refused_as_invalid_keeps_no_key_so_the_fixed_one_succeeds_with_the_same_key() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String key = uniqueKey("dispute");

        ApiResponse invalid = api.post(disputes(paymentId), "{\"reason\":\"\"}", adminKeyed(key));

        assertError(invalid, 400, "VALIDATION_ERROR");
        assertThat(database.key("admin", key)).isEmpty();
        ApiResponse fixed = api.post(disputes(paymentId), "{\"reason\":\"chargeback\"}", adminKeyed(key));
        assertThat(fixed.status()).as("%s", fixed).isEqualTo(201);
        assertThat(database.disputesOf(paymentId)).isEqualTo(1);
    }

    @Test
    void a_refused_refund_is_kept_and_replayed_even_after_the_payment_became_refundable() {
        Merchant merchant = business();
        String paymentId = pendingPayment(merchant, "100.00");
        ApiResponse refused = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-1"));
        assertError(refused, 409, "PAYMENT_NOT_REFUNDABLE");
        assertThat(api.post(PAYMENTS + "/" + paymentId + "/complete", null, merchant.headers()).status())
                .isEqualTo(200);

        ApiResponse replay = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-1"));

        assertReplayOf(refused, replay);
        assertThat(database.refundsOf(paymentId)).isZero();
        assertThat(api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-2")).status())
                .as("a new key is a new request").isEqualTo(202);
    }

    @Test
    void a_server_error_keeps_no_key_and_rolls_back_so_the_key_is_free_for_the_next_attempt() {
        Merchant merchant = business();
        String paymentId = paidPayment(merchant, "100.00");
        String failing = Api.json(Map.of("amount", "10.00", "reason", FailingRefundInserts.REASON));
        ApiResponse failed;
        ApiResponse failedAgain;
        try (FailingRefundInserts ignored = FailingRefundInserts.install(backend(), database)) {
            failed = api.post(refunds(paymentId), failing, keyed(merchant, "refund-1"));
            assertThat(database.key(merchant.businessId(), "refund-1")).as("a 5xx keeps no key").isEmpty();
            failedAgain = api.post(refunds(paymentId), failing, keyed(merchant, "refund-1"));
        }

        assertThat(failed.status()).as("%s", failed).isGreaterThanOrEqualTo(500);
        assertThat(failed.errorCode()).isEqualTo("INTERNAL_ERROR");
        assertThat(failedAgain.status()).as("the same request again runs again: %s", failedAgain)
                .isGreaterThanOrEqualTo(500);
        assertThat(failedAgain.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(database.refundsOf(paymentId)).isZero();
        assertThat(database.eventsOf(paymentId)).isZero();
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("100.00");
        ApiResponse other = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, "refund-1"));
        assertThat(other.status()).as("the freed key takes another request: %s", other).isEqualTo(202);
        assertThat(database.refundsOf(paymentId)).isEqualTo(1);
    }
}
