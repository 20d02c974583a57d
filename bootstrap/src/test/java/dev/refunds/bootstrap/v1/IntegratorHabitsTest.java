package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an integrator brings from other payment APIs (API.md, "Idempotency" and v2): Stripe's and the IETF draft's
 * {@code Idempotency-Key} is the same header as {@code X-Idempotency-Key}; a POST without a body is accepted
 * whatever {@code Content-Type} a generated client puts on it (axios: form-urlencoded); {@code refundStatus}
 * without {@code pay_id} is a {@code 400}, not "Link not found".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@OnH2AndMariaDb
class IntegratorHabitsTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String REFUND = "{\"amount\":\"10.00\",\"reason\":\"returned\"}";

    private RunningService service;
    private Api api;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    @BeforeParameterizedClassInvocation
    void startService() {
        service = RunningService.start(backend().newDatabase());
        api = service.api();
    }

    @AfterParameterizedClassInvocation
    void stopService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    @Test
    void the_standard_idempotency_key_header_replays_the_first_refund_instead_of_creating_a_second() {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = api.payment(merchant, "100.00", "USD", "LINK", true).path("paymentId").asText();

        ApiResponse first = refund(merchant, paymentId, "Idempotency-Key", "order-7-refund");
        ApiResponse again = refund(merchant, paymentId, "Idempotency-Key", "order-7-refund");
        ApiResponse underTheOtherName = refund(merchant, paymentId, "X-Idempotency-Key", "order-7-refund");

        assertThat(first.status()).as("first %s", first).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(underTheOtherName.raw()).isEqualTo(first.raw());
        assertThat(refundsOf(merchant, paymentId)).hasSize(1);
    }

    @Test
    void both_key_headers_with_different_values_are_refused_and_create_nothing() {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);
        String paymentId = api.payment(merchant, "100.00", "USD", "LINK", true).path("paymentId").asText();

        ApiResponse contradicting = api.post(refundsPath(paymentId), REFUND,
                Api.with(merchant.headers(), "Idempotency-Key", "a", "X-Idempotency-Key", "b"));
        ApiResponse agreeing = api.post(refundsPath(paymentId), REFUND,
                Api.with(merchant.headers(), "Idempotency-Key", "c", "X-Idempotency-Key", "c"));

        assertThat(contradicting.status()).as("%s", contradicting).isEqualTo(400);
        assertThat(contradicting.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(contradicting.errorField()).isEqualTo("Idempotency-Key");
        assertThat(agreeing.status()).as("%s", agreeing).isEqualTo(202);
        assertThat(refundsOf(merchant, paymentId)).hasSize(1);
    }

    @Test
    void posts_without_a_body_are_accepted_whatever_content_type_they_declare() {
        Merchant merchant = api.createBusiness("MANUAL", "MULTIPLE", null);
        String paymentId = api.payment(merchant, "100.00", "USD", "LINK", false).path("paymentId").asText();

        ApiResponse completed = api.send("POST", "/api/v1/payments/" + paymentId + "/complete", "", FORM,
                merchant.headers());
        String refundId = api.post(refundsPath(paymentId), REFUND, merchant.headers()).text("refundId");
        ApiResponse approved = api.send("POST", "/api/admin/refunds/" + refundId + "/approve", "", "text/plain",
                Api.admin());

        assertThat(completed.status()).as("%s", completed).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("INITIATED");
    }

    @Test
    void a_post_whose_body_is_not_json_is_still_unsupported_media_type() {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", null);

        ApiResponse form = api.send("POST", "/api/v1/payments", "amount=1.00&currency=USD", FORM, merchant.headers());

        assertThat(form.status()).as("%s", form).isEqualTo(415);
        assertThat(form.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(api.get("/api/v1/payments", merchant.headers()).data().path("items")).isEmpty();
    }

    @Test
    void refund_status_without_a_pay_id_is_a_bad_request_and_an_unknown_one_is_link_not_found() {
        Merchant merchant = api.createBusiness("MANUAL", "SINGLE", null);

        ApiResponse missing = api.get("/api/v2/refundStatus", merchant.headers());
        ApiResponse blank = api.get("/api/v2/refundStatus?pay_id=", merchant.headers());
        ApiResponse unknown = api.get("/api/v2/refundStatus?pay_id=4856104594992634", merchant.headers());

        assertThat(missing.status()).as("%s", missing).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(missing.errorMessage()).isEqualTo("pay_id is required");
        assertThat(blank.status()).as("%s", blank).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorMessage()).isEqualTo("Link not found");
    }

    private ApiResponse refund(Merchant merchant, String paymentId, String header, String key) {
        return api.post(refundsPath(paymentId), REFUND, Api.with(merchant.headers(), header, key));
    }

    private JsonNode refundsOf(Merchant merchant, String paymentId) {
        return api.get(refundsPath(paymentId), merchant.headers()).data().path("items");
    }

    private static String refundsPath(String paymentId) {
        return "/api/v1/payments/" + paymentId + "/refunds";
    }
}
