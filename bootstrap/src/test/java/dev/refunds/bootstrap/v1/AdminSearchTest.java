package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/** The refund search across businesses and the payment detail view. */
@OnH2AndMariaDb
class AdminSearchTest extends ServiceContract {
    private static final String SEARCH = "/api/admin/refunds";

    @Test
    void refunds_are_found_by_business_payment_id_and_merchant_ref_newest_first() {
        Merchant one = autoBusiness();
        Merchant two = manualBusiness();
        String paymentOne = completedPayment(one, "100.00");
        String first = refundId(one, paymentOne, "1.00");
        String second = refundId(one, paymentOne, "2.00");
        String other = refundId(two, completedPayment(two, "100.00"), "3.00");
        String reference = "order-" + System.nanoTime();
        ApiResponse tagged = api.post(refundsPath(paymentOne), Api.json(Map.of("amount", "4.00",
                "reason", "tagged", "merchantRef", reference)), one.headers());
        assertSuccess(tagged, 202);

        assertThat(allIds(SEARCH + "?limit=100&businessId=" + one.businessId(), "refundId", Api.admin()))
                .containsExactly(tagged.text("refundId"), second, first);
        assertThat(allIds(SEARCH + "?limit=1&paymentId=" + paymentOne, "refundId", Api.admin())).hasSize(3);
        assertThat(allIds(SEARCH + "?refundId=" + other, "refundId", Api.admin())).containsExactly(other);
        assertThat(allIds(SEARCH + "?merchantRef=" + reference, "refundId", Api.admin())).containsExactly(tagged.text("refundId"));
        assertThat(allIds(SEARCH + "?status=PENDING_REVIEW&businessId=" + two.businessId(), "refundId", Api.admin()))
                .containsExactly(other);
        assertThat(allIds(SEARCH + "?status=COMPLETED&businessId=" + one.businessId(), "refundId", Api.admin())).isEmpty();
        ApiResponse found = api.get(SEARCH + "?refundId=" + other, Api.admin());
        assertThat(found.data().path("items").path(0).path("businessId").asText()).isEqualTo(two.businessId());
    }

    @Test
    void created_from_and_to_bound_the_search() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String before = refundId(merchant, paymentId, "1.00");
        Instant cut = Instant.now().plusMillis(5);
        sleep(20);
        String after = refundId(merchant, paymentId, "2.00");
        String base = SEARCH + "?businessId=" + merchant.businessId();

        assertThat(allIds(base + "&createdFrom=" + cut, "refundId", Api.admin())).containsExactly(after);
        assertThat(allIds(base + "&createdTo=" + cut, "refundId", Api.admin())).containsExactly(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"createdFrom=yesterday", "createdTo=2026-13-01T00:00:00Z", "businessId=HB%20x",
            "status=PAID", "paymentId=PAY_1_0123456789012345678901234567890123456789012345678901234567890"})
    void a_malformed_filter_is_a_400(String query) {
        ApiResponse refused = api.get(SEARCH + "?" + query, Api.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorField()).isEqualTo(query.substring(0, query.indexOf('=')));
    }

    @Test
    void the_payment_detail_shows_refunds_disputes_and_events_across_businesses() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "5.00");
        String disputeId = openedDispute(paymentId);

        ApiResponse detail = api.get("/api/admin/payments/" + paymentId, Api.admin());

        assertSuccess(detail, 200);
        assertThat(detail.data().path("payment").path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(detail.data().path("payment").path("disputed").asBoolean()).isTrue();
        assertThat(detail.data().path("refunds").findValuesAsText("refundId")).containsExactly(refundId);
        assertThat(detail.data().path("disputes").findValuesAsText("disputeId")).containsExactly(disputeId);
        assertThat(detail.data().path("events").findValuesAsText("type")).containsExactly("refund.created");
        assertError(api.get("/api/admin/payments/PAY_20260101_0000000000", Api.admin()), 404, "NOT_FOUND");
        assertThat(allIds("/api/admin/disputes?status=OPEN&limit=100", "disputeId", Api.admin())).contains(disputeId);
    }

    @Test
    void businesses_and_their_webhook_routes_are_listed_and_a_retry_is_admin_only() {
        Merchant merchant = autoBusiness();
        String base = "/api/admin/businesses/" + merchant.businessId();
        String viewer = api.post(OperatorsTest.OPERATORS, Api.json(Map.of("name", "Hooks viewer",
                "role", "VIEWER")), Api.admin()).text("token");

        assertThat(allIds("/api/admin/businesses?limit=100", "businessId", Api.admin())).contains(merchant.businessId());
        ApiResponse endpoints = api.get(base + "/webhook-endpoints", OperatorsTest.bearer(viewer));
        assertSuccess(endpoints, 200);
        assertThat(endpoints.data().path("items").size()).isZero();
        assertError(api.get(base + "/webhook-endpoints/we_none/deliveries", Api.admin()), 404, "NOT_FOUND");
        assertError(api.post(base + "/webhook-deliveries/wd_none/retry", null, OperatorsTest.bearer(viewer)),
                403, "FORBIDDEN");
        assertError(api.post(base + "/webhook-deliveries/wd_none/retry", null, Api.admin()), 404, "NOT_FOUND");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
