package dev.refunds.bootstrap.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code refund_amount} is a JSON number read exactly: plain decimals with at most the currency's digits are
 * amounts; anything that is not a positive number is "Refund amount is required" (checked first); exponents and
 * digits the currency does not have are "Invalid refund amount" (checked last).
 */
@OnH2AndMariaDb
class RefundAmountParsingTest extends SecPaidContract {

    @Test
    void the_seeds_full_refund_of_49_99_is_exactly_49_99_in_v2_and_in_v1() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = refundPayment(link.owner(), body(link.payIdText(), "49.99", "true"));

        assertRequested(answer, link, "49.99", "Pending");
        JsonNode v1 = v1Refund(link, answer.text("refund_id"));
        assertThat(v1.path("amount").asText()).isEqualTo("49.99");
        assertThat(v1.path("currency").asText()).isEqualTo("USD");
        assertThat(v1.path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(payment(link).path("refundableAmount").asText()).isEqualTo("0.00");
    }

    @Test
    void the_seeds_partial_refund_of_20_00_is_exactly_20_00_in_v2_and_in_v1() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = refundPayment(link, "20.00");

        assertRequested(answer, link, "20.00", "Pending");
        assertThat(v1Refund(link, answer.text("refund_id")).path("amount").asText()).isEqualTo("20.00");
        assertThat(payment(link).path("refundableAmount").asText()).isEqualTo("29.99");
    }

    @ParameterizedTest(name = "refund_amount {0} on a USD link is 20.00")
    @ValueSource(strings = {"20", "20.0", "20.00"})
    void twenty_dollars_written_with_none_one_or_two_fraction_digits_is_20_00(String literal) {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = refundPayment(link, literal);

        assertRequested(answer, link, "20.00", "Pending");
        assertThat(v1Refund(link, answer.text("refund_id")).path("amount").asText()).isEqualTo("20.00");
    }

    @Test
    void a_yen_link_refuses_a_fraction_of_a_yen_and_accepts_whole_yen() {
        Link link = paidLink(secPaidBusiness(), "5000", "JPY");

        assertSecPaidError(refundPayment(link, "500.5"), 422, INVALID_AMOUNT);
        assertThat(v1Refunds(link)).isEmpty();

        ApiResponse answer = refundPayment(link, "500");
        assertRequested(answer, link, "500", "Pending");
        assertThat(v1Refund(link, answer.text("refund_id")).path("amount").asText()).isEqualTo("500");
        assertThat(payment(link).path("refundableAmount").asText()).isEqualTo("4500");
    }

    @Test
    void a_dinar_link_accepts_three_fraction_digits_and_refuses_four() {
        Link link = paidLink(secPaidBusiness(), "10.000", "KWD");

        assertSecPaidError(refundPayment(link, "1.2345"), 422, INVALID_AMOUNT);
        assertThat(v1Refunds(link)).isEmpty();

        ApiResponse answer = refundPayment(link, "1.234");
        assertRequested(answer, link, "1.234", "Pending");
        assertThat(v1Refund(link, answer.text("refund_id")).path("amount").asText()).isEqualTo("1.234");
        assertThat(payment(link).path("refundableAmount").asText()).isEqualTo("8.766");
    }

    @ParameterizedTest(name = "refund_amount {0} on a USD 500.00 link → 422 Invalid refund amount")
    @ValueSource(strings = {"1e2", "1E2", "1e+2", "1.0e2", "1e-2", "0.001", "10.001", "20.005",
            "12345678901234567890.00", "1e400"})
    void exponents_and_more_digits_than_the_currency_are_an_invalid_refund_amount(String literal) {
        Link link = paidLink(secPaidBusiness(), "500.00");

        assertSecPaidError(refundPayment(link, literal), 422, INVALID_AMOUNT);

        assertThat(v1Refunds(link)).isEmpty();
        assertThat(payment(link).path("refundableAmount").asText()).isEqualTo("500.00");
    }

    @ParameterizedTest(name = "refund_amount {0} → 400 Refund amount is required")
    @ValueSource(strings = {"\"49.99\"", "\"\"", "null", "true", "false", "[]", "{}", "[49.99]",
            "{\"value\":49.99}", "0", "0.00", "0e5", "-0", "-1", "-49.99", "-0.01", "-1e2"})
    void a_refund_amount_that_is_not_a_positive_number_is_required(String literal) {
        Link link = paidLink(secPaidBusiness(), "49.99");

        assertSecPaidError(refundPayment(link, literal), 400, AMOUNT_REQUIRED);

        assertThat(v1Refunds(link)).isEmpty();
    }

    @Test
    void a_body_without_refund_amount_is_refund_amount_is_required_even_for_a_full_refund() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        assertSecPaidError(refundPayment(link.owner(), body(link.payIdText(), null, "true")), 400, AMOUNT_REQUIRED);
        assertSecPaidError(refundPayment(link.owner(), body(link.payIdText(), null, null)), 400, AMOUNT_REQUIRED);

        assertThat(v1Refunds(link)).isEmpty();
    }

    @ParameterizedTest(name = "body [{0}] → 400 in the error envelope")
    @ValueSource(strings = {"not json", "{", "{\"pay_id\":1,\"refund_amount\":10.00", "[]", "null", "49.99",
            "\"refund\"", "{\"pay_id\":1,\"refund_amount\":10.00} trailing", "{\"refund_amount\":10.00,}"})
    void a_body_that_is_not_one_json_object_is_a_400_in_the_error_envelope(String raw) {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = refundPayment(link.owner(), raw);

        assertErrorEnvelope(answer, 400);
        assertThat(v1Refunds(link)).isEmpty();
    }

    @Test
    void an_empty_body_is_a_400_in_the_error_envelope() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = api.send("POST", REFUND_PAYMENT, "", "application/json", link.owner().headers());

        assertErrorEnvelope(answer, 400);
        assertThat(v1Refunds(link)).isEmpty();
    }

    @Test
    void no_body_at_all_is_a_400_in_the_error_envelope() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = api.send("POST", REFUND_PAYMENT, null, null, link.owner().headers());

        assertErrorEnvelope(answer, 400);
        assertThat(v1Refunds(link)).isEmpty();
    }

    @Test
    void a_body_that_is_not_declared_as_json_is_a_415_in_the_error_envelope() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = api.send("POST", REFUND_PAYMENT, body(link, "10.00"), "text/plain",
                link.owner().headers());

        assertErrorEnvelope(answer, 415);
        assertThat(answer.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(v1Refunds(link)).isEmpty();
    }

    @Test
    void a_body_over_64_kib_is_a_413_in_the_error_envelope() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String padded = "{\"pay_id\":" + link.payId() + ",\"refund_amount\":20.00,\"note\":\""
                + "x".repeat(70 * 1024) + "\"}";

        ApiResponse answer = refundPayment(link.owner(), padded);

        assertErrorEnvelope(answer, 413);
        assertThat(answer.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(v1Refunds(link)).isEmpty();
    }

    @Test
    void is_full_refund_false_with_the_full_amount_is_a_plain_refund_of_that_amount() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = refundPayment(link.owner(), body(link.payIdText(), "49.99", "false"));

        assertRequested(answer, link, "49.99", "Pending");
    }

    @ParameterizedTest(name = "isFullRefund {0} → 400")
    @ValueSource(strings = {"\"true\"", "1", "\"yes\"", "{}"})
    void an_is_full_refund_that_is_not_a_boolean_is_a_400(String literal) {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = refundPayment(link.owner(), body(link.payIdText(), "49.99", literal));

        assertErrorEnvelope(answer, 400);
        assertThat(v1Refunds(link)).isEmpty();
    }

    @Test
    void unknown_fields_are_ignored() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse answer = refundPayment(link.owner(), "{\"pay_id\":" + link.payId()
                + ",\"refund_amount\":20.00,\"reason\":\"late\",\"extra\":{\"a\":[1,2]}}");

        assertRequested(answer, link, "20.00", "Pending");
        assertThat(List.of(answer.text("refund_id"))).containsExactly(v1Refunds(link).get(0).path("refundId").asText());
    }
}
