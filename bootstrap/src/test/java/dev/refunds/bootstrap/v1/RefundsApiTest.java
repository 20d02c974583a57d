package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertErrorEnvelope;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/payments/{id}/refunds} and {@code /api/v1/refunds}: every rule of API.md, and the books after it. */
@OnH2AndMariaDb
class RefundsApiTest extends ServiceContract {
    private static final Pattern REFUND_ID = Pattern.compile("REF_(\\d{8})_[0-9A-Z]{10}");

    // ---- accepted -------------------------------------------------------------------------------------------

    @Test
    void a_refund_for_an_auto_business_is_accepted_initiated_and_reserves_its_amount() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "1500.00");

        ApiResponse requested = api.post(refundsPath(paymentId), Api.json(body("amount", "400.00",
                "reason", "customer returned one item", "merchantRef", "rma-7")), merchant.headers());

        assertSuccess(requested, 202);
        JsonNode refund = requested.data();
        assertRefundId(refund.path("refundId").asText());
        assertThat(refund.path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(refund.path("amount").isTextual()).as("amount is a string in %s", refund).isTrue();
        assertThat(refund.path("amount").asText()).isEqualTo("400.00");
        assertThat(refund.path("currency").asText()).isEqualTo("BDT");
        assertThat(refund.path("status").asText()).isEqualTo("INITIATED");
        assertThat(refund.path("reason").asText()).isEqualTo("customer returned one item");
        assertThat(refund.path("merchantRef").asText()).isEqualTo("rma-7");
        assertThat(absent(refund, "rejectReason")).as("rejectReason of %s", refund).isTrue();
        assertThat(absent(refund, "failureReason")).as("failureReason of %s", refund).isTrue();
        assertThat(Instant.parse(refund.path("initiatedAt").asText())).isBetween(Instant.now().minusSeconds(300),
                Instant.now().plusSeconds(300));
        assertThat(absent(refund, "completedAt")).as("completedAt of %s", refund).isTrue();
        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("1100.00");
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void a_refund_for_a_manual_business_waits_for_review_and_reserves_its_amount() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "1500.00");

        JsonNode refund = refund(merchant, paymentId, "400.00");

        assertThat(refund.path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("1100.00");
        assertThat(payment(merchant, paymentId).path("refundTotal").asText()).isEqualTo("0.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void an_auto_business_sends_only_refunds_above_its_review_limit_to_review() {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", "100.00");
        String paymentId = completedPayment(merchant, "500.00");

        JsonNode above = refund(merchant, paymentId, "100.01");
        JsonNode atLimit = refund(merchant, paymentId, "100.00");
        JsonNode below = refund(merchant, paymentId, "0.01");

        assertThat(above.path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(atLimit.path("status").asText()).isEqualTo("INITIATED");
        assertThat(below.path("status").asText()).isEqualTo("INITIATED");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("299.98");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void an_omitted_amount_refunds_all_that_is_still_refundable() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "1500.00");
        refund(merchant, paymentId, "400.00");

        JsonNode rest = refund(merchant, paymentId, null);

        assertThat(rest.path("amount").asText()).isEqualTo("1100.00");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("0.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void an_omitted_amount_refunds_the_whole_payment_when_nothing_was_refunded() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "1500.00");

        JsonNode all = refund(merchant, paymentId, null);

        assertThat(all.path("amount").asText()).isEqualTo("1500.00");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("0.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @ParameterizedTest(name = "{0} {1}, refund {2}, leaves {3}")
    @CsvSource({"JPY, 500, 200, 300", "KWD, 1.234, 0.234, 1.000", "USD, 10.00, 9.99, 0.01"})
    void refund_amounts_carry_the_currencys_minor_unit_digits(String currency, String amount, String refunded,
                                                             String left) {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, amount, currency);

        JsonNode refund = refund(merchant, paymentId, refunded);

        assertThat(refund.path("amount").asText()).isEqualTo(refunded);
        assertThat(refund.path("currency").asText()).isEqualTo(currency);
        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("refundableAmount").asText()).isEqualTo(left);
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void a_reason_of_one_or_of_five_hundred_characters_is_accepted() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");

        ApiResponse shortest = requestRefund(merchant, paymentId, "1.00", "x");
        ApiResponse longest = requestRefund(merchant, paymentId, "1.00", "y".repeat(500));

        assertSuccess(shortest, 202);
        assertThat(shortest.text("reason")).isEqualTo("x");
        assertSuccess(longest, 202);
        assertThat(longest.text("reason")).isEqualTo("y".repeat(500));
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void a_reason_and_merchant_ref_in_any_script_read_back_unchanged() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String reason = "পণ্য ফেরত 😀 " + "ü".repeat(480);
        String ref = "ফেরত-৭ ß";

        ApiResponse requested = api.post(refundsPath(paymentId), Api.json(body("amount", "1.00", "reason", reason,
                "merchantRef", ref)), merchant.headers());

        assertSuccess(requested, 202);
        JsonNode read = refundOf(merchant, paymentId, requested.text("refundId"));
        assertThat(read.path("reason").asText()).isEqualTo(reason);
        assertThat(read.path("merchantRef").asText()).isEqualTo(ref);
    }

    @Test
    void the_whole_of_the_largest_payment_can_be_refunded_to_the_last_minor_unit() {
        Merchant merchant = autoBusiness();
        ApiResponse created = createPayment(merchant, body("amount", "999999999999999.99", "currency", "BDT"));
        assertSuccess(created, 201);
        String paymentId = created.text("paymentId");
        assertSuccess(api.post(PAYMENTS + "/" + paymentId + "/complete", null, merchant.headers()), 200);

        JsonNode first = refund(merchant, paymentId, "999999999999999.98");
        JsonNode rest = refund(merchant, paymentId, null);

        assertThat(first.path("amount").asText()).isEqualTo("999999999999999.98");
        assertThat(rest.path("amount").asText()).isEqualTo("0.01");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("0.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    // ---- refused, and nothing changes --------------------------------------------------------------------

    @Test
    void a_refund_without_a_reason_or_with_one_over_five_hundred_characters_is_refused_and_changes_nothing() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        refund(merchant, paymentId, "10.00");
        Books before = books(merchant, paymentId);

        assertError(requestRefund(merchant, paymentId, "1.00", null), 400, "VALIDATION_ERROR", "reason");
        assertError(requestRefund(merchant, paymentId, "1.00", ""), 400, "VALIDATION_ERROR", "reason");
        assertError(requestRefund(merchant, paymentId, "1.00", "z".repeat(501)), 400, "VALIDATION_ERROR", "reason");
        assertError(requestRefund(merchant, paymentId, null, null), 400, "VALIDATION_ERROR", "reason");

        assertThat(books(merchant, paymentId)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}: amount \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "BDT | 100.00 | 10.0", "BDT | 100.00 | 10.000", "BDT | 100.00 | 10", "BDT | 100.00 | 1e1",
            "BDT | 100.00 | -1.00", "BDT | 100.00 | +1.00", "BDT | 100.00 | ' 1.00'", "BDT | 100.00 | '1.00 '",
            "BDT | 100.00 | abc", "BDT | 100.00 | ''", "BDT | 100.00 | 1,00", "JPY | 500 | 10.00", "JPY | 500 | 10.0",
            "KWD | 1.234 | 0.23", "KWD | 1.234 | 0.2340"})
    void a_refund_amount_with_the_wrong_digits_is_a_validation_error_and_changes_nothing(String currency,
                                                                                         String paid,
                                                                                         String amount) {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, paid, currency);
        Books before = books(merchant, paymentId);

        ApiResponse refused = requestRefund(merchant, paymentId, amount, "wrong digits");

        assertError(refused, 400, "VALIDATION_ERROR", "amount");
        assertThat(books(merchant, paymentId)).isEqualTo(before);
    }

    @Test
    void a_zero_refund_amount_is_refused_on_the_amount_and_changes_nothing() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        Books before = books(merchant, paymentId);

        ApiResponse refused = requestRefund(merchant, paymentId, "0.00", "nothing at all");

        assertThat(refused.status()).as("%s", refused).isIn(400, 422);
        assertErrorEnvelope(refused, refused.status(),
                refused.status() == 400 ? "VALIDATION_ERROR" : "AMOUNT_EXCEEDS_REFUNDABLE");
        assertThat(refused.errorField()).isEqualTo("amount");
        assertThat(books(merchant, paymentId)).isEqualTo(before);
    }

    @Test
    void a_refund_above_the_refundable_amount_is_refused_on_the_amount_and_changes_nothing() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "1500.00");
        Books untouched = books(merchant, paymentId);

        assertError(requestRefund(merchant, paymentId, "1500.01", "too much"), 422, "AMOUNT_EXCEEDS_REFUNDABLE",
                "amount");
        assertThat(books(merchant, paymentId)).isEqualTo(untouched);

        refund(merchant, paymentId, "1000.00");
        Books afterOne = books(merchant, paymentId);
        assertThat(afterOne.refundableAmount()).isEqualTo("500.00");

        assertError(requestRefund(merchant, paymentId, "500.01", "too much"), 422, "AMOUNT_EXCEEDS_REFUNDABLE",
                "amount");
        assertThat(books(merchant, paymentId)).isEqualTo(afterOne);

        refund(merchant, paymentId, "500.00");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("0.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void nothing_more_can_be_refunded_once_the_whole_amount_is_reserved() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        refund(merchant, paymentId, "100.00");
        Books before = books(merchant, paymentId);

        assertError(requestRefund(merchant, paymentId, "0.01", "one more"), 422, "AMOUNT_EXCEEDS_REFUNDABLE",
                "amount");
        ApiResponse omitted = requestRefund(merchant, paymentId, null, "the rest");
        assertThat(omitted.status()).as("%s", omitted).isIn(409, 422);
        assertErrorEnvelope(omitted, omitted.status(), omitted.errorCode());

        assertThat(books(merchant, paymentId)).isEqualTo(before);
    }

    @Test
    void an_unpaid_or_cancelled_payment_is_not_refundable_and_nothing_changes() {
        Merchant merchant = autoBusiness();
        String unpaid = pendingPayment(merchant, "100.00");
        String cancelled = pendingPayment(merchant, "100.00");
        assertSuccess(api.post(PAYMENTS + "/" + cancelled + "/cancel", null, merchant.headers()), 200);
        Books unpaidBefore = books(merchant, unpaid);
        Books cancelledBefore = books(merchant, cancelled);

        assertError(requestRefund(merchant, unpaid, "10.00", "r"), 409, "PAYMENT_NOT_REFUNDABLE");
        assertError(requestRefund(merchant, unpaid, null, "r"), 409, "PAYMENT_NOT_REFUNDABLE");
        assertError(requestRefund(merchant, cancelled, "10.00", "r"), 409, "PAYMENT_NOT_REFUNDABLE");
        assertError(requestRefund(merchant, cancelled, null, "r"), 409, "PAYMENT_NOT_REFUNDABLE");

        assertThat(books(merchant, unpaid)).isEqualTo(unpaidBefore);
        assertThat(books(merchant, cancelled)).isEqualTo(cancelledBefore);
        assertThat(refundsOf(merchant, unpaid)).isEmpty();
        assertThat(refundsOf(merchant, cancelled)).isEmpty();
    }

    @Test
    void an_invoice_payment_is_never_refundable_and_nothing_changes() {
        Merchant merchant = autoBusiness();
        String invoice = api.payment(merchant, "100.00", "BDT", "INVOICE", true).path("paymentId").asText();
        Books before = books(merchant, invoice);

        assertError(requestRefund(merchant, invoice, "10.00", "r"), 409, "INVOICE_NOT_REFUNDABLE");
        assertError(requestRefund(merchant, invoice, null, "r"), 409, "INVOICE_NOT_REFUNDABLE");

        assertThat(books(merchant, invoice)).isEqualTo(before);
        assertThat(refundsOf(merchant, invoice)).isEmpty();
    }

    @Test
    void an_open_dispute_blocks_new_refunds_and_winning_it_lifts_the_block() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "1000.00");
        refund(merchant, paymentId, "100.00");
        String disputeId = openedDispute(paymentId);
        assertThat(payment(merchant, paymentId).path("disputed").asBoolean()).isTrue();
        Books disputed = books(merchant, paymentId);

        assertError(requestRefund(merchant, paymentId, "10.00", "r"), 409, "REFUND_BLOCKED_BY_DISPUTE");
        assertError(requestRefund(merchant, paymentId, null, "r"), 409, "REFUND_BLOCKED_BY_DISPUTE");
        assertThat(books(merchant, paymentId)).isEqualTo(disputed);

        assertSuccess(closeDispute(disputeId, "WON"), 200);
        assertThat(payment(merchant, paymentId).path("disputed").asBoolean()).isFalse();
        JsonNode after = refund(merchant, paymentId, "10.00");

        assertThat(after.path("status").asText()).isEqualTo("INITIATED");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("890.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void a_lost_dispute_charges_the_payment_back_and_leaves_nothing_refundable() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "1000.00");
        String disputeId = openedDispute(paymentId);

        assertSuccess(closeDispute(disputeId, "LOST"), 200);

        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("0.00");
        Books chargedBack = books(merchant, paymentId);
        assertError(requestRefund(merchant, paymentId, "10.00", "r"), 409, "PAYMENT_CHARGED_BACK");
        assertError(requestRefund(merchant, paymentId, null, "r"), 409, "PAYMENT_CHARGED_BACK");
        assertThat(books(merchant, paymentId)).isEqualTo(chargedBack);
        assertThat(refundsOf(merchant, paymentId)).isEmpty();
    }

    @Test
    void a_single_refund_business_takes_one_refund_per_payment_and_another_after_the_admin_rejects_it() {
        Merchant merchant = api.createBusiness("MANUAL", "SINGLE", null);
        String paymentId = completedPayment(merchant, "100.00");
        String first = refundId(merchant, paymentId, "10.00");
        Books withFirst = books(merchant, paymentId);

        assertError(requestRefund(merchant, paymentId, "5.00", "again"), 409, "REFUND_ALREADY_REQUESTED");
        assertThat(books(merchant, paymentId)).isEqualTo(withFirst);

        assertSuccess(reject(first, "not eligible"), 200);
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("100.00");
        String second = refundId(merchant, paymentId, "5.00");
        Books withSecond = books(merchant, paymentId);

        assertThat(second).isNotEqualTo(first);
        assertThat(withSecond.refundableAmount()).isEqualTo("95.00");
        assertError(requestRefund(merchant, paymentId, "1.00", "third"), 409, "REFUND_ALREADY_REQUESTED");
        assertThat(books(merchant, paymentId)).isEqualTo(withSecond);
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void a_single_refund_business_may_ask_again_once_its_refund_is_cancelled_and_counts_per_payment() {
        Merchant merchant = api.createBusiness("AUTO", "SINGLE", null);
        String paymentId = completedPayment(merchant, "100.00");
        String otherPayment = completedPayment(merchant, "100.00");
        String first = refundId(merchant, paymentId, "10.00");

        assertError(requestRefund(merchant, paymentId, "5.00", "again"), 409, "REFUND_ALREADY_REQUESTED");
        assertThat(refund(merchant, otherPayment, "5.00").path("status").asText()).isEqualTo("INITIATED");

        assertSuccess(api.post(refundsPath(paymentId) + "/" + first + "/cancel", null, merchant.headers()), 200);
        JsonNode second = refund(merchant, paymentId, "5.00");

        assertThat(second.path("status").asText()).isEqualTo("INITIATED");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("95.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        assertBooksAgreeWithRefunds(merchant, otherPayment);
    }

    @Test
    void a_refund_on_an_unknown_payment_is_not_found() {
        Merchant merchant = autoBusiness();

        assertError(requestRefund(merchant, "PAY_20200101_ZZZZZZZZZZ", "1.00", "r"), 404, "NOT_FOUND");
        assertError(api.get(refundsPath("PAY_20200101_ZZZZZZZZZZ"), merchant.headers()), 404, "NOT_FOUND");
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Test
    void a_refund_reads_back_as_it_was_created_and_only_under_its_own_payment() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String otherPayment = completedPayment(merchant, "100.00");
        ApiResponse created = api.post(refundsPath(paymentId), Api.json(body("amount", "12.34", "reason", "late",
                "merchantRef", "rma-1")), merchant.headers());
        assertSuccess(created, 202);
        String refundId = created.text("refundId");

        ApiResponse read = api.get(refundsPath(paymentId) + "/" + refundId, merchant.headers());

        assertSuccess(read, 200);
        assertThat(read.data()).isEqualTo(created.data());
        assertError(api.get(refundsPath(otherPayment) + "/" + refundId, merchant.headers()), 404, "NOT_FOUND");
        assertError(api.get(refundsPath(paymentId) + "/REF_20200101_ZZZZZZZZZZ", merchant.headers()), 404,
                "NOT_FOUND");
    }

    @Test
    void a_payments_refunds_are_listed_oldest_first() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String otherPayment = completedPayment(merchant, "100.00");
        String first = refundId(merchant, paymentId, "1.00");
        refundId(merchant, otherPayment, "2.00");
        String second = refundId(merchant, paymentId, "3.00");
        String third = refundId(merchant, paymentId, "4.00");

        ApiResponse listed = api.get(refundsPath(paymentId), merchant.headers());

        assertSuccess(listed, 200);
        assertThat(ids(listed, "refundId")).containsExactly(first, second, third);
        assertThat(listed.data().path("hasMore").asBoolean()).isFalse();
        assertThat(listed.data().path("items").get(1).path("amount").asText()).isEqualTo("3.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        assertThat(refundsOf(merchant, completedPayment(merchant, "1.00"))).isEmpty();
    }

    @Test
    void a_business_refunds_are_listed_newest_first_in_cursor_pages_and_by_status() {
        Merchant merchant = api.createBusiness("AUTO", "MULTIPLE", "50.00");
        String one = completedPayment(merchant, "500.00");
        String two = completedPayment(merchant, "500.00");
        String r1 = refundId(merchant, one, "10.00");
        String r2 = refundId(merchant, two, "60.00");
        String r3 = refundId(merchant, one, "20.00");
        String r4 = refundId(merchant, two, "70.00");
        String r5 = refundId(merchant, one, "30.00");

        ApiResponse all = api.get("/api/v1/refunds", merchant.headers());
        assertSuccess(all, 200);
        assertThat(ids(all, "refundId")).containsExactly(r5, r4, r3, r2, r1);
        assertThat(all.data().path("hasMore").asBoolean()).isFalse();

        ApiResponse page1 = api.get("/api/v1/refunds?limit=2", merchant.headers());
        assertSuccess(page1, 200);
        assertThat(ids(page1, "refundId")).containsExactly(r5, r4);
        assertThat(page1.data().path("hasMore").asBoolean()).isTrue();
        ApiResponse page2 = api.get("/api/v1/refunds?limit=2&startingAfter=" + r4, merchant.headers());
        assertSuccess(page2, 200);
        assertThat(ids(page2, "refundId")).containsExactly(r3, r2);
        assertThat(page2.data().path("hasMore").asBoolean()).isTrue();
        ApiResponse page3 = api.get("/api/v1/refunds?limit=2&startingAfter=" + r2, merchant.headers());
        assertSuccess(page3, 200);
        assertThat(ids(page3, "refundId")).containsExactly(r1);
        assertThat(page3.data().path("hasMore").asBoolean()).isFalse();

        ApiResponse inReview = api.get("/api/v1/refunds?status=PENDING_REVIEW", merchant.headers());
        assertSuccess(inReview, 200);
        assertThat(ids(inReview, "refundId")).containsExactly(r4, r2);
        ApiResponse initiated = api.get("/api/v1/refunds?status=INITIATED&limit=1", merchant.headers());
        assertSuccess(initiated, 200);
        assertThat(ids(initiated, "refundId")).containsExactly(r5);
        assertThat(initiated.data().path("hasMore").asBoolean()).isTrue();
        ApiResponse initiatedNext = api.get("/api/v1/refunds?status=INITIATED&startingAfter=" + r5,
                merchant.headers());
        assertSuccess(initiatedNext, 200);
        assertThat(ids(initiatedNext, "refundId")).containsExactly(r3, r1);
        ApiResponse cancelled = api.get("/api/v1/refunds?status=CANCELLED", merchant.headers());
        assertSuccess(cancelled, 200);
        assertThat(ids(cancelled, "refundId")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limit=0, limit", "limit=101, limit", "limit=abc, limit",
            "startingAfter=REF_20200101_ZZZZZZZZZZ, startingAfter", "status=DONE, status",
            "status=initiated, status"})
    void a_bad_refund_list_parameter_is_refused_naming_it(String query, String field) {
        Merchant merchant = autoBusiness();
        refundId(merchant, completedPayment(merchant, "10.00"), "1.00");

        assertError(api.get("/api/v1/refunds?" + query, merchant.headers()), 400, "VALIDATION_ERROR", field);
    }

    // ---- cancelling --------------------------------------------------------------------------------------

    @Test
    void a_refund_in_review_is_cancelled_its_amount_released_and_it_cannot_be_cancelled_again() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "40.00");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("60.00");

        ApiResponse cancelled = api.post(refundsPath(paymentId) + "/" + refundId + "/cancel", null,
                merchant.headers());

        assertSuccess(cancelled, 200);
        assertThat(cancelled.text("refundId")).isEqualTo(refundId);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(refundOf(merchant, paymentId, refundId).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("100.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        Books afterCancel = books(merchant, paymentId);

        assertError(api.post(refundsPath(paymentId) + "/" + refundId + "/cancel", null, merchant.headers()), 409,
                "INVALID_STATE");
        assertThat(books(merchant, paymentId)).isEqualTo(afterCancel);
        assertThat(approve(refundId).status()).isEqualTo(409);
    }

    @Test
    void an_initiated_refund_is_cancelled_its_amount_released_and_it_cannot_be_cancelled_again() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String kept = refundId(merchant, paymentId, "10.00");
        String refundId = refundId(merchant, paymentId, "40.00");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("50.00");

        ApiResponse cancelled = api.post(refundsPath(paymentId) + "/" + refundId + "/cancel", null,
                merchant.headers());

        assertSuccess(cancelled, 200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(payment(merchant, paymentId).path("refundableAmount").asText()).isEqualTo("90.00");
        assertThat(refundOf(merchant, paymentId, kept).path("status").asText()).isNotEqualTo("CANCELLED");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        Books afterCancel = books(merchant, paymentId);

        assertError(api.post(refundsPath(paymentId) + "/" + refundId + "/cancel", null, merchant.headers()), 409,
                "INVALID_STATE");
        assertThat(books(merchant, paymentId)).isEqualTo(afterCancel);
    }

    @Test
    void a_rejected_refund_cannot_be_cancelled() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "40.00");
        assertSuccess(reject(refundId, "no"), 200);
        Books rejected = books(merchant, paymentId);

        assertError(api.post(refundsPath(paymentId) + "/" + refundId + "/cancel", null, merchant.headers()), 409,
                "INVALID_STATE");
        assertThat(books(merchant, paymentId)).isEqualTo(rejected);
    }

    @Test
    void cancelling_an_unknown_refund_or_one_under_another_payment_is_not_found() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String otherPayment = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "40.00");

        assertError(api.post(refundsPath(paymentId) + "/REF_20200101_ZZZZZZZZZZ/cancel", null, merchant.headers()),
                404, "NOT_FOUND");
        assertError(api.post(refundsPath(otherPayment) + "/" + refundId + "/cancel", null, merchant.headers()),
                404, "NOT_FOUND");
        assertThat(refundOf(merchant, paymentId, refundId).path("status").asText()).isEqualTo("INITIATED");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        assertBooksAgreeWithRefunds(merchant, otherPayment);
    }

    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode();
    }

    private static void assertRefundId(String refundId) {
        Matcher matcher = REFUND_ID.matcher(refundId);
        assertThat(matcher.matches()).as("refundId %s is REF_yyyyMMdd_XXXXXXXXXX", refundId).isTrue();
        LocalDate day = LocalDate.parse(matcher.group(1), DateTimeFormatter.BASIC_ISO_DATE);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(day).as("the date in %s", refundId).isBetween(today.minusDays(1), today.plusDays(1));
    }
}
