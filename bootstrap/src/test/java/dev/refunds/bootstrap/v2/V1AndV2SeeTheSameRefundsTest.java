package dev.refunds.bootstrap.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * v1 and v2 are two views of one set of refunds: a refund made through either is seen by the other, and v2's
 * refundPayment keeps v1's idempotency keys.
 */
@OnH2AndMariaDb
class V1AndV2SeeTheSameRefundsTest extends SecPaidContract {
    private static final String REPLAYED = "Idempotent-Replayed";

    @Test
    void a_refund_made_through_v2_is_listed_by_v1_with_the_same_id_and_amount() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        String refundId = requestedThroughV2(link, "20.00");

        List<JsonNode> refunds = v1Refunds(link);
        assertThat(refunds).hasSize(1);
        JsonNode refund = refunds.get(0);
        assertThat(refund.path("refundId").asText()).isEqualTo(refundId);
        assertThat(refund.path("paymentId").asText()).isEqualTo(link.paymentId());
        assertThat(refund.path("amount").asText()).isEqualTo("20.00");
        assertThat(refund.path("currency").asText()).isEqualTo("USD");
        assertThat(refund.path("status").asText()).isEqualTo("PENDING_REVIEW");
        JsonNode payment = payment(link);
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("29.99");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("0.00");
    }

    @Test
    void a_refund_made_through_v1_is_what_refund_status_shows() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        JsonNode refund = refundedThroughV1(link, "12.34");

        assertRefundStatus(refundStatus(link), link, refund.path("refundId").asText(), "12.34", "Pending", null);
    }

    @Test
    void refund_status_shows_the_latest_of_several_v1_refunds() {
        Link link = paidLink(shadhinPayBusiness(), "100.00");
        refundedThroughV1(link, "10.00");
        refundedThroughV1(link, "15.00");
        String latest = refundedThroughV1(link, "5.50").path("refundId").asText();

        assertApprovedStatus(refundStatus(link), link, latest, "5.50");
    }

    @Test
    void a_v1_refund_after_a_v2_refund_is_the_latest_in_refund_status() {
        Link link = paidLink(shadhinPayBusiness(), "100.00");
        requestedThroughV2(link, "10.00");

        String latest = refundedThroughV1(link, "7.00").path("refundId").asText();

        assertApprovedStatus(refundStatus(link), link, latest, "7.00");
    }

    @Test
    void refund_status_of_a_link_without_refunds_is_a_404() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = refundStatus(link);

        assertErrorEnvelope(answer, 404);
    }

    @ParameterizedTest(name = "refundStatus?pay_id={0} → 404 Link not found")
    @ValueSource(strings = {UNKNOWN_PAY_ID, "0", "-1", "abc", "1.5", "99999999999999999999999"})
    void refund_status_of_an_unknown_or_malformed_pay_id_is_link_not_found(String payId) {
        assertSecPaidError(refundStatus(secPaidBusiness(), payId), 404, LINK_NOT_FOUND);
    }

    /** API.md: "Link not found" is only for a pay_id that names no payment; none at all is the client's error. */
    @ParameterizedTest(name = "refundStatus?pay_id={0} → 400")
    @NullSource
    @ValueSource(strings = {"", "%20"})
    void refund_status_without_a_pay_id_is_a_bad_request(String payId) {
        assertSecPaidError(refundStatus(secPaidBusiness(), payId), 400, "pay_id is required");
    }

    // ---- idempotency ----------------------------------------------------------------------------------------

    @Test
    void the_same_idempotency_key_and_body_replays_the_first_answer_and_creates_nothing_new() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String body = body(link.payIdText(), "49.99", "true");

        ApiResponse first = refundPayment(link.owner(), body, "X-Idempotency-Key", "v2-replay-1");
        ApiResponse again = refundPayment(link.owner(), body, "X-Idempotency-Key", "v2-replay-1");

        assertRequested(first, link, "49.99", "Pending");
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(v1Refunds(link)).hasSize(1);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_refused_as_reused_and_creates_nothing() {
        Link link = paidLink(shadhinPayBusiness(), "49.99");
        ApiResponse first = refundPayment(link.owner(), body(link, "10.00"), "X-Idempotency-Key", "v2-reuse-1");
        assertRequested(first, link, "10.00", "Approved");

        ApiResponse other = refundPayment(link.owner(), body(link, "11.00"), "X-Idempotency-Key", "v2-reuse-1");

        assertErrorEnvelope(other, 422);
        assertThat(other.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(v1Refunds(link)).hasSize(1);
    }

    @Test
    void a_refusal_is_replayed_as_it_was_first_answered() {
        Link link = cancelled(link(secPaidBusiness(), "49.99", "USD", "LINK", false));
        String body = body(link, "10.00");

        ApiResponse first = refundPayment(link.owner(), body, "X-Idempotency-Key", "v2-refusal-1");
        ApiResponse again = refundPayment(link.owner(), body, "X-Idempotency-Key", "v2-refusal-1");

        assertSecPaidError(first, 409, LINK_CANCELLED);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.headers().firstValue(REPLAYED)).hasValue("true");
    }

    @Test
    void a_400_is_not_kept_so_the_same_key_serves_the_corrected_request() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse wrong = refundPayment(link.owner(), body(link, "0"), "X-Idempotency-Key", "v2-fixed-1");
        ApiResponse fixed = refundPayment(link.owner(), body(link, "20.00"), "X-Idempotency-Key", "v2-fixed-1");

        assertSecPaidError(wrong, 400, AMOUNT_REQUIRED);
        assertRequested(fixed, link, "20.00", "Pending");
        assertThat(fixed.headers().firstValue(REPLAYED)).isEmpty();
    }

    @Test
    void idempotency_keys_belong_to_one_business() {
        Link mine = paidLink(secPaidBusiness(), "49.99");
        Link theirs = paidLink(secPaidBusiness(), "49.99");

        ApiResponse first = refundPayment(mine.owner(), body(mine, "20.00"), "X-Idempotency-Key", "v2-shared-key");
        ApiResponse second = refundPayment(theirs.owner(), body(theirs, "20.00"), "X-Idempotency-Key",
                "v2-shared-key");

        assertRequested(first, mine, "20.00", "Pending");
        assertRequested(second, theirs, "20.00", "Pending");
        assertThat(second.headers().firstValue(REPLAYED)).isEmpty();
    }
}
