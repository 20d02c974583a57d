package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code /api/v1/payments}: create, validate, complete, cancel, read and list, as a merchant's client sees it. */
@OnH2AndMariaDb
class PaymentsApiTest extends ServiceContract {
    private static final Pattern PAYMENT_ID = Pattern.compile("PAY_(\\d{8})_[0-9A-Z]{10}");

    @Test
    void a_new_payment_is_created_pending_with_its_ids_and_its_amounts_as_strings() {
        Merchant merchant = autoBusiness();

        ApiResponse created = createPayment(merchant, body("amount", "1500.00", "currency", "BDT",
                "merchantRef", "order-42", "description", "two mangoes"));

        assertSuccess(created, 201);
        JsonNode payment = created.data();
        assertPaymentId(payment.path("paymentId").asText());
        assertThat(payment.path("payId").isIntegralNumber()).as("payId is a number in %s", payment).isTrue();
        assertThat(payment.path("payId").asLong()).isPositive();
        assertThat(payment.path("amount").isTextual()).as("amount is a string in %s", payment).isTrue();
        assertThat(payment.path("amount").asText()).isEqualTo("1500.00");
        assertThat(payment.path("currency").asText()).isEqualTo("BDT");
        assertThat(payment.path("type").asText()).isEqualTo("LINK");
        assertThat(payment.path("status").asText()).isEqualTo("PENDING");
        assertThat(payment.path("refundTotal").isTextual()).as("refundTotal is a string in %s", payment).isTrue();
        assertThat(payment.path("refundTotal").asText()).isEqualTo("0.00");
        assertThat(payment.path("disputed").isBoolean()).as("disputed is a boolean in %s", payment).isTrue();
        assertThat(payment.path("disputed").asBoolean()).isFalse();
        assertThat(payment.path("merchantRef").asText()).isEqualTo("order-42");
        assertThat(Instant.parse(payment.path("createdAt").asText())).isBetween(Instant.now().minusSeconds(300),
                Instant.now().plusSeconds(300));
        assertThat(payment.path("completedAt").isNull() || payment.path("completedAt").isMissingNode())
                .as("completedAt of an unpaid payment in %s", payment).isTrue();
    }

    @Test
    void two_payments_get_different_payment_ids_and_pay_ids() {
        Merchant merchant = autoBusiness();

        JsonNode first = api.payment(merchant, "10.00", "BDT", "LINK", false);
        JsonNode second = api.payment(merchant, "10.00", "BDT", "LINK", false);

        assertThat(first.path("paymentId").asText()).isNotEqualTo(second.path("paymentId").asText());
        assertThat(first.path("payId").asLong()).isNotEqualTo(second.path("payId").asLong());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"BDT, 1500.00", "USD, 12.50", "JPY, 500", "KWD, 1.234", "BDT, 0.01", "JPY, 1"})
    void an_amount_is_taken_and_shown_with_exactly_its_currencys_minor_unit_digits(String currency,
                                                                                   String amount) {
        Merchant merchant = autoBusiness();

        ApiResponse created = createPayment(merchant, body("amount", amount, "currency", currency));

        assertSuccess(created, 201);
        assertThat(created.data().path("amount").isTextual()).isTrue();
        assertThat(created.text("amount")).isEqualTo(amount);
        assertThat(created.text("currency")).isEqualTo(currency);
        assertThat(payment(merchant, created.text("paymentId")).path("amount").asText()).isEqualTo(amount);
    }

    @Test
    void an_invoice_payment_can_be_created() {
        Merchant merchant = autoBusiness();

        ApiResponse created = createPayment(merchant, body("amount", "99.00", "currency", "BDT", "type", "INVOICE"));

        assertSuccess(created, 201);
        assertThat(created.text("type")).isEqualTo("INVOICE");
        assertThat(created.text("status")).isEqualTo("PENDING");
    }

    @Test
    void a_merchant_ref_of_exactly_one_hundred_characters_is_accepted() {
        Merchant merchant = autoBusiness();
        String ref = "r".repeat(100);

        ApiResponse created = createPayment(merchant, body("amount", "1.00", "currency", "BDT", "merchantRef", ref));

        assertSuccess(created, 201);
        assertThat(created.text("merchantRef")).isEqualTo(ref);
    }

    @Test
    void a_merchant_ref_and_description_in_any_script_read_back_unchanged() {
        Merchant merchant = autoBusiness();
        String ref = "অর্ডার-৪২ ß 😀";
        String description = "দুটি আম, ein Kürbis und 🍋 " + "é".repeat(400);

        ApiResponse created = createPayment(merchant, body("amount", "1.00", "currency", "BDT", "merchantRef", ref,
                "description", description));

        assertSuccess(created, 201);
        JsonNode read = payment(merchant, created.text("paymentId"));
        assertThat(read.path("merchantRef").asText()).isEqualTo(ref);
        assertThat(read.path("description").asText()).isEqualTo(description);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"BDT, 999999999999999.99", "KWD, 999999999999999.999", "JPY, 999999999999999"})
    void the_largest_amount_is_either_kept_exactly_or_refused_on_the_amount(String currency, String amount) {
        Merchant merchant = autoBusiness();

        ApiResponse created = createPayment(merchant, body("amount", amount, "currency", currency));

        if (created.status() == 201) {
            assertThat(created.text("amount")).isEqualTo(amount);
            String paymentId = created.text("paymentId");
            assertSuccess(api.post(PAYMENTS + "/" + paymentId + "/complete", null, merchant.headers()), 200);
            JsonNode read = payment(merchant, paymentId);
            assertThat(read.path("amount").asText()).isEqualTo(amount);
            assertThat(read.path("refundableAmount").asText()).isEqualTo(amount);
        } else {
            assertError(created, 400, "VALIDATION_ERROR", "amount");
            assertThat(allPaymentIds(merchant)).isEmpty();
        }
    }

    Stream<Arguments> invalidPayments() {
        return Stream.of(
                arguments("amount missing", body("currency", "BDT"), "amount"),
                arguments("amount null", body("amount", null, "currency", "BDT"), "amount"),
                arguments("amount empty", body("amount", "", "currency", "BDT"), "amount"),
                arguments("currency missing", body("amount", "1500.00"), "currency"),
                arguments("one decimal for BDT", body("amount", "1500.0", "currency", "BDT"), "amount"),
                arguments("three decimals for BDT", body("amount", "1500.000", "currency", "BDT"), "amount"),
                arguments("no decimals for BDT", body("amount", "1500", "currency", "BDT"), "amount"),
                arguments("negative", body("amount", "-1.00", "currency", "BDT"), "amount"),
                arguments("plus sign", body("amount", "+1.00", "currency", "BDT"), "amount"),
                arguments("exponent", body("amount", "1e3", "currency", "BDT"), "amount"),
                arguments("leading blank", body("amount", " 1.00", "currency", "BDT"), "amount"),
                arguments("trailing blank", body("amount", "1.00 ", "currency", "BDT"), "amount"),
                arguments("thousands separator", body("amount", "1,500.00", "currency", "BDT"), "amount"),
                arguments("zero", body("amount", "0.00", "currency", "BDT"), "amount"),
                arguments("decimals for JPY", body("amount", "500.00", "currency", "JPY"), "amount"),
                arguments("two decimals for KWD", body("amount", "1.23", "currency", "KWD"), "amount"),
                arguments("unknown currency", body("amount", "1.00", "currency", "ABC"), "currency"),
                arguments("lower-case currency", body("amount", "1.00", "currency", "bdt"), "currency"),
                arguments("empty currency", body("amount", "1.00", "currency", ""), "currency"),
                arguments("unknown type", body("amount", "1.00", "currency", "BDT", "type", "CARD"), "type"),
                arguments("lower-case type", body("amount", "1.00", "currency", "BDT", "type", "link"), "type"),
                arguments("merchantRef over 100 characters",
                        body("amount", "1.00", "currency", "BDT", "merchantRef", "r".repeat(101)), "merchantRef"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPayments")
    void an_invalid_payment_is_refused_naming_the_field_at_fault_and_nothing_is_created(
            String what, Map<String, Object> body, String field) {
        Merchant merchant = autoBusiness();
        String existing = pendingPayment(merchant, "5.00");

        ApiResponse refused = createPayment(merchant, body);

        assertError(refused, 400, "VALIDATION_ERROR", field);
        assertThat(allPaymentIds(merchant)).containsExactly(existing);
    }

    @Test
    void a_pending_payment_completes_once_and_completing_it_again_is_an_invalid_state() {
        Merchant merchant = autoBusiness();
        String paymentId = pendingPayment(merchant, "1500.00");

        ApiResponse completed = api.post(PAYMENTS + "/" + paymentId + "/complete", null, merchant.headers());

        assertSuccess(completed, 200);
        assertThat(completed.text("paymentId")).isEqualTo(paymentId);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(Instant.parse(completed.text("completedAt"))).isBetween(Instant.now().minusSeconds(300),
                Instant.now().plusSeconds(300));
        assertThat(completed.text("refundTotal")).isEqualTo("0.00");
        assertThat(completed.text("refundableAmount")).isEqualTo("1500.00");

        ApiResponse again = api.post(PAYMENTS + "/" + paymentId + "/complete", null, merchant.headers());

        assertError(again, 409, "INVALID_STATE");
        assertThat(payment(merchant, paymentId).path("completedAt").asText())
                .isEqualTo(completed.text("completedAt"));
    }

    @Test
    void a_pending_payment_is_cancelled_once_and_then_neither_cancels_nor_completes() {
        Merchant merchant = autoBusiness();
        String paymentId = pendingPayment(merchant, "20.00");

        ApiResponse cancelled = api.post(PAYMENTS + "/" + paymentId + "/cancel", null, merchant.headers());

        assertSuccess(cancelled, 200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertError(api.post(PAYMENTS + "/" + paymentId + "/cancel", null, merchant.headers()), 409, "INVALID_STATE");
        assertError(api.post(PAYMENTS + "/" + paymentId + "/complete", null, merchant.headers()), 409,
                "INVALID_STATE");
        assertThat(payment(merchant, paymentId).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void a_paid_payment_cannot_be_cancelled() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "20.00");

        ApiResponse refused = api.post(PAYMENTS + "/" + paymentId + "/cancel", null, merchant.headers());

        assertError(refused, 409, "INVALID_STATE");
        assertThat(payment(merchant, paymentId).path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void completing_cancelling_or_reading_an_unknown_payment_is_not_found() {
        Merchant merchant = autoBusiness();
        String unknown = "PAY_20200101_ZZZZZZZZZZ";

        assertError(api.get(PAYMENTS + "/" + unknown, merchant.headers()), 404, "NOT_FOUND");
        assertError(api.post(PAYMENTS + "/" + unknown + "/complete", null, merchant.headers()), 404, "NOT_FOUND");
        assertError(api.post(PAYMENTS + "/" + unknown + "/cancel", null, merchant.headers()), 404, "NOT_FOUND");
    }

    @Test
    void a_payment_reads_back_as_it_was_created() {
        Merchant merchant = autoBusiness();
        ApiResponse created = createPayment(merchant, body("amount", "1.234", "currency", "KWD",
                "merchantRef", "order-7"));
        assertSuccess(created, 201);

        ApiResponse read = api.get(PAYMENTS + "/" + created.text("paymentId"), merchant.headers());

        assertSuccess(read, 200);
        assertThat(read.data()).isEqualTo(created.data());
    }

    @Test
    void payments_are_listed_newest_first_in_cursor_pages() {
        Merchant merchant = autoBusiness();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(pendingPayment(merchant, (i + 1) + ".00"));
        }

        ApiResponse first = api.get(PAYMENTS + "?limit=2", merchant.headers());
        assertSuccess(first, 200);
        assertThat(ids(first, "paymentId")).containsExactly(created.get(4), created.get(3));
        assertThat(first.data().path("hasMore").asBoolean()).isTrue();

        ApiResponse second = api.get(PAYMENTS + "?limit=2&startingAfter=" + created.get(3), merchant.headers());
        assertSuccess(second, 200);
        assertThat(ids(second, "paymentId")).containsExactly(created.get(2), created.get(1));
        assertThat(second.data().path("hasMore").asBoolean()).isTrue();

        ApiResponse last = api.get(PAYMENTS + "?limit=2&startingAfter=" + created.get(1), merchant.headers());
        assertSuccess(last, 200);
        assertThat(ids(last, "paymentId")).containsExactly(created.get(0));
        assertThat(last.data().path("hasMore").asBoolean()).isFalse();

        ApiResponse all = api.get(PAYMENTS, merchant.headers());
        assertSuccess(all, 200);
        assertThat(ids(all, "paymentId")).containsExactlyElementsOf(reversed(created));
        assertThat(all.data().path("hasMore").asBoolean()).isFalse();
        assertThat(all.data().path("items").get(0).path("amount").asText()).isEqualTo("5.00");
    }

    @Test
    void a_list_page_holds_twenty_payments_unless_a_limit_of_up_to_a_hundred_is_asked_for() {
        Merchant merchant = autoBusiness();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            created.add(pendingPayment(merchant, "1.00"));
        }

        ApiResponse byDefault = api.get(PAYMENTS, merchant.headers());
        assertSuccess(byDefault, 200);
        assertThat(ids(byDefault, "paymentId")).containsExactlyElementsOf(reversed(created).subList(0, 20));
        assertThat(byDefault.data().path("hasMore").asBoolean()).isTrue();

        ApiResponse hundred = api.get(PAYMENTS + "?limit=100", merchant.headers());
        assertSuccess(hundred, 200);
        assertThat(ids(hundred, "paymentId")).containsExactlyElementsOf(reversed(created));
        assertThat(hundred.data().path("hasMore").asBoolean()).isFalse();

        ApiResponse one = api.get(PAYMENTS + "?limit=1", merchant.headers());
        assertSuccess(one, 200);
        assertThat(ids(one, "paymentId")).containsExactly(created.get(20));
        assertThat(one.data().path("hasMore").asBoolean()).isTrue();
    }

    @Test
    void the_status_filter_lists_only_the_payments_in_that_status() {
        Merchant merchant = autoBusiness();
        String pendingOld = pendingPayment(merchant, "1.00");
        String paid = completedPayment(merchant, "2.00");
        String cancelled = pendingPayment(merchant, "3.00");
        assertSuccess(api.post(PAYMENTS + "/" + cancelled + "/cancel", null, merchant.headers()), 200);
        String pendingNew = pendingPayment(merchant, "4.00");

        assertThat(listed(merchant, "PENDING")).containsExactly(pendingNew, pendingOld);
        assertThat(listed(merchant, "COMPLETED")).containsExactly(paid);
        assertThat(listed(merchant, "CANCELLED")).containsExactly(cancelled);
        assertThat(listed(merchant, "REFUNDED")).isEmpty();

        ApiResponse paged = api.get(PAYMENTS + "?status=PENDING&limit=1", merchant.headers());
        assertSuccess(paged, 200);
        assertThat(ids(paged, "paymentId")).containsExactly(pendingNew);
        assertThat(paged.data().path("hasMore").asBoolean()).isTrue();
        ApiResponse next = api.get(PAYMENTS + "?status=PENDING&limit=1&startingAfter=" + pendingNew,
                merchant.headers());
        assertSuccess(next, 200);
        assertThat(ids(next, "paymentId")).containsExactly(pendingOld);
        assertThat(next.data().path("hasMore").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limit=0, limit", "limit=101, limit", "limit=abc, limit", "limit=-1, limit", "limit=1.5, limit",
            "startingAfter=PAY_20200101_ZZZZZZZZZZ, startingAfter", "status=PAID, status",
            "status=pending, status"})
    void a_bad_list_parameter_is_refused_naming_it(String query, String field) {
        Merchant merchant = autoBusiness();
        pendingPayment(merchant, "1.00");

        ApiResponse refused = api.get(PAYMENTS + "?" + query, merchant.headers());

        assertError(refused, 400, "VALIDATION_ERROR", field);
    }

    private List<String> listed(Merchant merchant, String status) {
        ApiResponse listed = api.get(PAYMENTS + "?status=" + status, merchant.headers());
        assertSuccess(listed, 200);
        return ids(listed, "paymentId");
    }

    private static void assertPaymentId(String paymentId) {
        Matcher matcher = PAYMENT_ID.matcher(paymentId);
        assertThat(matcher.matches()).as("paymentId %s is PAY_yyyyMMdd_XXXXXXXXXX", paymentId).isTrue();
        LocalDate day = LocalDate.parse(matcher.group(1), DateTimeFormatter.BASIC_ISO_DATE);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(day).as("the date in %s", paymentId).isBetween(today.minusDays(1), today.plusDays(1));
    }
}
