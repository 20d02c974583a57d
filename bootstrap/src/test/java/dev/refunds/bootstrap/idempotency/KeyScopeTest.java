package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnEveryBackend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose a key is: each business has its own keys, a merchant's and an admin's key with the same text are two keys,
 * and the admin endpoints share one scope.
 */
@OnEveryBackend
class KeyScopeTest extends IdempotencyHarness {

    @Test
    void two_businesses_using_the_same_key_get_their_own_payments() {
        Merchant one = business();
        Merchant two = business();
        String body = "{\"amount\":\"150.00\",\"currency\":\"BDT\"}";

        ApiResponse first = api.post(PAYMENTS, body, keyed(one, "shared-key"));
        ApiResponse second = api.post(PAYMENTS, body, keyed(two, "shared-key"));
        ApiResponse otherBody = api.post(PAYMENTS, "{\"amount\":\"9.00\",\"currency\":\"USD\"}",
                keyed(business(), "shared-key"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        assertThat(second.headers().firstValue(REPLAYED)).as("not the other business's answer").isEmpty();
        assertThat(second.text("paymentId")).isNotEqualTo(first.text("paymentId"));
        assertThat(otherBody.status()).as("another business's key is not a reuse: %s", otherBody).isEqualTo(201);
        assertThat(database.paymentsOf(one.businessId())).isEqualTo(1);
        assertThat(database.paymentsOf(two.businessId())).isEqualTo(1);
        assertReplayOf(first, api.post(PAYMENTS, body, keyed(one, "shared-key")));
        assertReplayOf(second, api.post(PAYMENTS, body, keyed(two, "shared-key")));
    }

    @Test
    void a_merchant_key_and_an_admin_key_with_the_same_text_are_independent() {
        Merchant merchant = business();
        String key = uniqueKey("shared-admin-merchant");
        String paymentId = paidPayment(merchant, "100.00");

        ApiResponse refund = api.post(refunds(paymentId), refundBody("10.00"), keyed(merchant, key));
        ApiResponse dispute = api.post(disputes(paymentId), "{\"reason\":\"chargeback\"}", adminKeyed(key));

        assertThat(refund.status()).as("%s", refund).isEqualTo(202);
        assertThat(dispute.status()).as("the admin's key is not the merchant's: %s", dispute).isEqualTo(201);
        assertThat(dispute.headers().firstValue(REPLAYED)).isEmpty();
    }

    @Test
    void admin_keys_are_one_scope_across_the_admin_endpoints() {
        Merchant merchant = manualBusiness();
        String paymentId = paidPayment(merchant, "100.00");
        String refundId = pendingReviewRefund(merchant, paymentId);
        String otherPaymentId = paidPayment(merchant, "100.00");
        String key = uniqueKey("admin");
        assertThat(api.post(approve(refundId), null, adminKeyed(key)).status()).isEqualTo(200);

        ApiResponse reused = api.post(disputes(otherPaymentId), "{\"reason\":\"chargeback\"}", adminKeyed(key));

        assertReused(reused);
        assertThat(database.disputesOf(otherPaymentId)).isZero();
    }
}
