package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/refunds} narrowed by payment, merchant reference and creation window, with status and cursor. */
@OnH2AndMariaDb
class RefundListFiltersTest extends ServiceContract {
    private static final String REFUNDS = "/api/v1/refunds";

    @Test
    void the_payment_filter_lists_only_that_payments_refunds_newest_first_and_combines_with_status() {
        Merchant merchant = manualBusiness();
        String first = completedPayment(merchant, "100.00");
        String second = completedPayment(merchant, "100.00");
        String a = refundId(merchant, first, "10.00");
        String b = refundId(merchant, second, "11.00");
        String c = refundId(merchant, first, "12.00");
        assertSuccess(reject(c, "duplicate"), 200);

        assertThat(allIds(REFUNDS + "?paymentId=" + first, "refundId", merchant.headers())).containsExactly(c, a);
        assertThat(allIds(REFUNDS + "?paymentId=" + second, "refundId", merchant.headers())).containsExactly(b);
        assertThat(allIds(REFUNDS + "?paymentId=" + first + "&status=REJECTED", "refundId", merchant.headers()))
                .containsExactly(c);
        assertThat(allIds(REFUNDS + "?paymentId=" + first + "&status=COMPLETED", "refundId", merchant.headers()))
                .isEmpty();
        assertThat(allIds(REFUNDS + "?paymentId=" + first, "refundId", autoBusiness().headers()))
                .as("another business sees none of them").isEmpty();
    }

    @Test
    void the_merchant_reference_filter_matches_exactly_and_pages_with_the_cursor() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "500.00");
        String one = refundWithRef(merchant, paymentId, "order-7");
        refundWithRef(merchant, paymentId, "order-8");
        String two = refundWithRef(merchant, paymentId, "order-7");
        String three = refundWithRef(merchant, paymentId, "order-7");

        ApiResponse firstPage = api.get(REFUNDS + "?merchantRef=order-7&limit=2", merchant.headers());
        assertSuccess(firstPage, 200);
        assertThat(ids(firstPage, "refundId")).containsExactly(three, two);
        assertThat(firstPage.data().path("hasMore").asBoolean()).isTrue();
        ApiResponse secondPage = api.get(REFUNDS + "?merchantRef=order-7&limit=2&startingAfter=" + two,
                merchant.headers());
        assertThat(ids(secondPage, "refundId")).containsExactly(one);
        assertThat(secondPage.data().path("hasMore").asBoolean()).isFalse();
        assertThat(allIds(REFUNDS + "?merchantRef=ORDER-7", "refundId", merchant.headers())).isEmpty();
    }

    @Test
    void the_creation_window_includes_its_start_and_excludes_its_end() throws InterruptedException {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "500.00");
        JsonNode before = refund(merchant, paymentId, "1.00");
        Thread.sleep(20);
        JsonNode inside = refund(merchant, paymentId, "2.00");
        Thread.sleep(20);
        JsonNode after = refund(merchant, paymentId, "3.00");
        String from = inside.path("initiatedAt").asText();
        String to = after.path("initiatedAt").asText();

        assertThat(allIds(REFUNDS + "?createdFrom=" + q(from) + "&createdTo=" + q(to), "refundId",
                merchant.headers())).containsExactly(inside.path("refundId").asText());
        assertThat(allIds(REFUNDS + "?createdFrom=" + q(from), "refundId", merchant.headers()))
                .containsExactly(after.path("refundId").asText(), inside.path("refundId").asText());
        assertThat(allIds(REFUNDS + "?createdTo=" + q(from), "refundId", merchant.headers()))
                .containsExactly(before.path("refundId").asText());
        String offset = Instant.parse(from).atOffset(java.time.ZoneOffset.ofHours(6)).toString();
        assertThat(allIds(REFUNDS + "?createdFrom=" + q(offset) + "&createdTo=" + q(to) + "&paymentId=" + paymentId,
                "refundId", merchant.headers())).as("an offset names the same instant")
                .containsExactly(inside.path("refundId").asText());
    }

    @Test
    void bad_filters_are_a_400_naming_the_parameter() {
        Merchant merchant = autoBusiness();
        refundId(merchant, completedPayment(merchant, "50.00"), "5.00");

        assertError(api.get(REFUNDS + "?createdFrom=2026-05-18T00:00:00Z&createdTo=2026-05-17T00:00:00Z",
                merchant.headers()), 400, "VALIDATION_ERROR", "createdFrom");
        assertError(api.get(REFUNDS + "?createdTo=yesterday", merchant.headers()), 400, "VALIDATION_ERROR",
                "createdTo");
        assertError(api.get(REFUNDS + "?createdFrom=2026-05-17", merchant.headers()), 400, "VALIDATION_ERROR",
                "createdFrom");
        assertError(api.get(REFUNDS + "?paymentId=" + q("PAY 1"), merchant.headers()), 400, "VALIDATION_ERROR",
                "paymentId");
        assertError(api.get(REFUNDS + "?merchantRef=" + "x".repeat(101), merchant.headers()), 400,
                "VALIDATION_ERROR", "merchantRef");
        assertSuccess(api.get(REFUNDS + "?paymentId=PAY_20260101_0000000000", merchant.headers()), 200);
    }

    private String refundWithRef(Merchant merchant, String paymentId, String merchantRef) {
        ApiResponse requested = api.post(refundsPath(paymentId), Api.json(Map.of("amount", "1.00", "reason", "r",
                "merchantRef", merchantRef)), merchant.headers());
        assertSuccess(requested, 202);
        return requested.text("refundId");
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
