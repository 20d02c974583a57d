package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Who may call what: merchant credentials, the admin token, and one business never seeing another's data. */
@OnH2AndMariaDb
class TenancyAndAuthTest extends ServiceContract {
    private static final String UNKNOWN_PAYMENT = "PAY_20200101_ZZZZZZZZZZ";
    private static final String UNKNOWN_REFUND = "REF_20200101_ZZZZZZZZZZ";

    @Test
    void a_merchant_request_without_any_credentials_is_unauthorized_and_creates_nothing() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");
        String payment = Api.json(body("amount", "1.00", "currency", "BDT"));

        assertError(api.get(PAYMENTS), 401, "UNAUTHORIZED");
        assertError(api.post(PAYMENTS, payment), 401, "UNAUTHORIZED");
        assertError(api.get(PAYMENTS + "/" + paymentId), 401, "UNAUTHORIZED");
        assertError(api.post(PAYMENTS + "/" + paymentId + "/cancel", null), 401, "UNAUTHORIZED");
        assertError(api.post(refundsPath(paymentId), Api.json(body("reason", "r"))), 401, "UNAUTHORIZED");
        assertError(api.get("/api/v1/refunds"), 401, "UNAUTHORIZED");

        assertThat(allPaymentIds(merchant)).containsExactly(paymentId);
        assertThat(refundsOf(merchant, paymentId)).isEmpty();
    }

    Stream<Arguments> wrongCredentials() {
        return Stream.<Arguments>of(
                arguments("Client-Id missing", credentials((own, other) -> new String[] {
                        "Business-Id", own.businessId(), "X-Api-Key", own.apiKey()})),
                arguments("Business-Id missing", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "X-Api-Key", own.apiKey()})),
                arguments("X-Api-Key missing", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId()})),
                arguments("X-Api-Key empty", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId(), "X-Api-Key", ""})),
                arguments("X-Api-Key wrong", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId(),
                        "X-Api-Key", own.apiKey() + "x"})),
                arguments("X-Api-Key one character short", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId(),
                        "X-Api-Key", own.apiKey().substring(0, own.apiKey().length() - 1)})),
                arguments("Client-Id wrong", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId() + "x", "Business-Id", own.businessId(),
                        "X-Api-Key", own.apiKey()})),
                arguments("Business-Id wrong", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId() + "x",
                        "X-Api-Key", own.apiKey()})),
                arguments("another business's key", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId(), "X-Api-Key", other.apiKey()})),
                arguments("another business's Business-Id", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", other.businessId(), "X-Api-Key", own.apiKey()})),
                arguments("another business's Client-Id", credentials((own, other) -> new String[] {
                        "Client-Id", other.clientId(), "Business-Id", own.businessId(), "X-Api-Key", own.apiKey()})),
                arguments("the admin token as the key", credentials((own, other) -> new String[] {
                        "Client-Id", own.clientId(), "Business-Id", own.businessId(),
                        "X-Api-Key", "test-admin-token"})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCredentials")
    void a_missing_or_wrong_credential_is_unauthorized_and_creates_nothing(String what, Credentials credentials) {
        Merchant own = autoBusiness();
        Merchant other = autoBusiness();
        String paymentId = completedPayment(own, "10.00");
        String[] headers = credentials.headers(own, other);

        assertError(api.get(PAYMENTS, headers), 401, "UNAUTHORIZED");
        assertError(api.get(PAYMENTS + "/" + paymentId, headers), 401, "UNAUTHORIZED");
        assertError(api.post(PAYMENTS, Api.json(body("amount", "1.00", "currency", "BDT")), headers), 401,
                "UNAUTHORIZED");
        assertError(api.post(refundsPath(paymentId), Api.json(body("reason", "r")), headers), 401, "UNAUTHORIZED");

        assertThat(allPaymentIds(own)).containsExactly(paymentId);
        assertThat(allPaymentIds(other)).isEmpty();
        assertThat(refundsOf(own, paymentId)).isEmpty();
    }

    @Test
    void credential_header_names_are_case_insensitive() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");

        ApiResponse read = api.get(PAYMENTS + "/" + paymentId, "client-id", merchant.clientId(), "BUSINESS-ID",
                merchant.businessId(), "x-api-key", merchant.apiKey());

        assertSuccess(read, 200);
        assertSuccess(api.get("/api/admin/refunds", "authorization", "Bearer test-admin-token"), 200);
    }

    @Test
    void an_id_is_matched_exactly_not_ignoring_case_or_trailing_blanks() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "1.00");
        String[] headers = merchant.headers();
        String lowerPayment = paymentId.toLowerCase(Locale.ROOT);
        String lowerRefund = refundId.toLowerCase(Locale.ROOT);

        SoftAssertions softly = new SoftAssertions();
        softly.check(() -> assertError(api.get(PAYMENTS + "/" + lowerPayment, headers), 404, "NOT_FOUND"));
        softly.check(() -> assertError(api.get(PAYMENTS + "/" + paymentId + "%20", headers), 404, "NOT_FOUND"));
        softly.check(() -> assertError(api.get(refundsPath(paymentId) + "/" + lowerRefund, headers), 404,
                "NOT_FOUND"));
        softly.check(() -> assertError(api.get(refundsPath(paymentId) + "/" + refundId + "%20", headers), 404,
                "NOT_FOUND"));
        softly.check(() -> assertError(api.get(refundsPath(paymentId + "%20"), headers), 404, "NOT_FOUND"));
        softly.check(() -> assertError(api.post(PAYMENTS + "/" + lowerPayment + "/cancel", null, headers), 404,
                "NOT_FOUND"));
        softly.check(() -> assertError(requestRefund(merchant, paymentId + "%20", "1.00", "trailing blank"), 404,
                "NOT_FOUND"));
        softly.check(() -> assertError(api.get(PAYMENTS + "?startingAfter=" + paymentId + "%20", headers), 400,
                "VALIDATION_ERROR", "startingAfter"));
        List<Merchant> almostTheSame = List.of(
                new Merchant(swapCase(merchant.clientId()), merchant.businessId(), merchant.apiKey()),
                new Merchant(merchant.clientId(), swapCase(merchant.businessId()), merchant.apiKey()),
                new Merchant(merchant.clientId(), merchant.businessId(), swapCase(merchant.apiKey())));
        for (Merchant almost : almostTheSame) {
            if (!almost.equals(merchant)) {
                softly.check(() -> assertError(api.get(PAYMENTS, almost.headers()), 401, "UNAUTHORIZED"));
            }
        }
        softly.assertAll();
        assertThat(refundsOf(merchant, paymentId)).hasSize(1);
    }

    @Test
    void another_businesss_payment_is_answered_exactly_like_a_payment_that_does_not_exist() {
        Merchant own = autoBusiness();
        Merchant other = autoBusiness();
        String theirsPaid = completedPayment(other, "100.00");
        String theirsPending = pendingPayment(other, "50.00");
        Books theirsBefore = books(other, theirsPaid);
        String[] mine = own.headers();

        assertSameAsUnknown(api.get(PAYMENTS + "/" + theirsPaid, mine),
                api.get(PAYMENTS + "/" + UNKNOWN_PAYMENT, mine));
        assertSameAsUnknown(api.post(PAYMENTS + "/" + theirsPending + "/complete", null, mine),
                api.post(PAYMENTS + "/" + UNKNOWN_PAYMENT + "/complete", null, mine));
        assertSameAsUnknown(api.post(PAYMENTS + "/" + theirsPending + "/cancel", null, mine),
                api.post(PAYMENTS + "/" + UNKNOWN_PAYMENT + "/cancel", null, mine));
        assertSameAsUnknown(api.get(refundsPath(theirsPaid), mine), api.get(refundsPath(UNKNOWN_PAYMENT), mine));
        String refund = Api.json(body("amount", "1.00", "reason", "not mine"));
        assertSameAsUnknown(api.post(refundsPath(theirsPaid), refund, mine),
                api.post(refundsPath(UNKNOWN_PAYMENT), refund, mine));

        assertThat(books(other, theirsPaid)).isEqualTo(theirsBefore);
        assertThat(payment(other, theirsPending).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void another_businesss_refund_is_answered_exactly_like_a_refund_that_does_not_exist() {
        Merchant own = autoBusiness();
        Merchant other = autoBusiness();
        String ownPayment = completedPayment(own, "100.00");
        String theirPayment = completedPayment(other, "100.00");
        String theirRefund = refundId(other, theirPayment, "10.00");
        Books theirsBefore = books(other, theirPayment);
        String[] mine = own.headers();

        assertSameAsUnknown(api.get(refundsPath(theirPayment) + "/" + theirRefund, mine),
                api.get(refundsPath(UNKNOWN_PAYMENT) + "/" + UNKNOWN_REFUND, mine));
        assertSameAsUnknown(api.get(refundsPath(ownPayment) + "/" + theirRefund, mine),
                api.get(refundsPath(ownPayment) + "/" + UNKNOWN_REFUND, mine));
        assertSameAsUnknown(api.post(refundsPath(theirPayment) + "/" + theirRefund + "/cancel", null, mine),
                api.post(refundsPath(UNKNOWN_PAYMENT) + "/" + UNKNOWN_REFUND + "/cancel", null, mine));
        assertSameAsUnknown(api.post(refundsPath(ownPayment) + "/" + theirRefund + "/cancel", null, mine),
                api.post(refundsPath(ownPayment) + "/" + UNKNOWN_REFUND + "/cancel", null, mine));

        assertThat(books(other, theirPayment)).isEqualTo(theirsBefore);
        assertThat(refundOf(other, theirPayment, theirRefund).path("status").asText()).isEqualTo("INITIATED");
    }

    @Test
    void a_business_lists_only_its_own_payments_and_refunds() {
        Merchant own = autoBusiness();
        Merchant other = autoBusiness();
        String ownPayment = completedPayment(own, "100.00");
        String ownRefund = refundId(own, ownPayment, "1.00");
        String theirPayment = completedPayment(other, "100.00");
        String theirRefund = refundId(other, theirPayment, "1.00");

        assertThat(allPaymentIds(own)).containsExactly(ownPayment);
        assertThat(allIds("/api/v1/refunds?limit=100", "refundId", own.headers())).containsExactly(ownRefund);
        assertThat(allPaymentIds(other)).containsExactly(theirPayment);
        assertThat(allIds("/api/v1/refunds?limit=100", "refundId", other.headers())).containsExactly(theirRefund);
    }

    @Test
    void another_businesss_ids_are_no_cursor_for_this_business() {
        Merchant own = autoBusiness();
        Merchant other = autoBusiness();
        String ownPayment = completedPayment(own, "100.00");
        refundId(own, ownPayment, "1.00");
        String theirPayment = completedPayment(other, "100.00");
        String theirRefund = refundId(other, theirPayment, "1.00");

        ApiResponse payments = api.get(PAYMENTS + "?startingAfter=" + theirPayment, own.headers());
        ApiResponse refunds = api.get("/api/v1/refunds?startingAfter=" + theirRefund, own.headers());

        assertError(payments, 400, "VALIDATION_ERROR", "startingAfter");
        assertError(refunds, 400, "VALIDATION_ERROR", "startingAfter");
    }

    @Test
    void admin_endpoints_refuse_merchant_credentials_and_wrong_tokens() {
        Merchant manual = manualBusiness();
        String paymentId = completedPayment(manual, "100.00");
        String refundId = refundId(manual, paymentId, "10.00");
        List<String[]> refusedCredentials = List.of(manual.headers(), new String[0],
                new String[] {"Authorization", "Bearer wrong-token"},
                new String[] {"Authorization", "Bearer " + manual.apiKey()},
                new String[] {"Authorization", "Bearer "},
                new String[] {"Authorization", "test-admin-token"},
                new String[] {"Authorization", "Basic dGVzdC1hZG1pbi10b2tlbjo="},
                Api.with(manual.headers(), "Authorization", "Bearer wrong-token"));

        for (String[] headers : refusedCredentials) {
            assertError(api.get("/api/admin/refunds", headers), 401, "UNAUTHORIZED");
            assertError(api.post("/api/admin/businesses", Api.json(Map.of("name", "Sneaky", "reviewMode", "AUTO",
                    "refundMode", "MULTIPLE")), headers), 401, "UNAUTHORIZED");
            assertError(api.post("/api/admin/refunds/" + refundId + "/approve", null, headers), 401, "UNAUTHORIZED");
            assertError(api.post("/api/admin/refunds/" + refundId + "/reject", null, headers), 401, "UNAUTHORIZED");
            assertError(api.post("/api/admin/payments/" + paymentId + "/disputes",
                    Api.json(Map.of("reason", "sneaky")), headers), 401, "UNAUTHORIZED");
            assertError(api.post("/api/admin/disputes/DSP_20200101_ZZZZZZZZZZ/close",
                    Api.json(Map.of("outcome", "WON")), headers), 401, "UNAUTHORIZED");
        }

        assertThat(refundOf(manual, paymentId, refundId).path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(payment(manual, paymentId).path("disputed").asBoolean()).isFalse();
    }

    @Test
    void merchant_endpoints_refuse_the_admin_bearer_token() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String[] admin = Api.admin();
        String[] adminWithIds = Api.with(admin, "Client-Id", merchant.clientId(), "Business-Id",
                merchant.businessId());

        for (String[] headers : List.of(admin, adminWithIds)) {
            assertError(api.get(PAYMENTS, headers), 401, "UNAUTHORIZED");
            assertError(api.get(PAYMENTS + "/" + paymentId, headers), 401, "UNAUTHORIZED");
            assertError(api.post(PAYMENTS, Api.json(body("amount", "1.00", "currency", "BDT")), headers), 401,
                    "UNAUTHORIZED");
            assertError(api.post(refundsPath(paymentId), Api.json(body("reason", "r")), headers), 401,
                    "UNAUTHORIZED");
            assertError(api.get("/api/v1/refunds", headers), 401, "UNAUTHORIZED");
        }

        assertThat(allPaymentIds(merchant)).containsExactly(paymentId);
        assertThat(refundsOf(merchant, paymentId)).isEmpty();
    }

    /** The same text with every letter's case swapped, so it differs from the original only in case. */
    private static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            swapped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return swapped.toString();
    }

    private static void assertSameAsUnknown(ApiResponse theirs, ApiResponse unknown) {
        assertError(unknown, 404, "NOT_FOUND");
        assertError(theirs, 404, "NOT_FOUND");
        assertThat(theirs.status()).isEqualTo(unknown.status());
        assertThat(theirs.errorCode()).isEqualTo(unknown.errorCode());
    }

    /** Headers built from the caller's own business and another one. */
    @FunctionalInterface
    interface Credentials {
        String[] headers(Merchant own, Merchant other);
    }

    private static Credentials credentials(BiFunction<Merchant, Merchant, String[]> headers) {
        return headers::apply;
    }
}
