package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OpenApiContract;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertErrorEnvelope;
import static dev.refunds.bootstrap.v1.Envelopes.assertNoLeaks;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every answer, including those the framework gives by itself, comes in the envelope and reveals nothing. */
abstract class ErrorEnvelopeContract extends ServiceContract {
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String VALID_PAYMENT = "{\"amount\": \"1.00\", \"currency\": \"BDT\"}";

    @Test
    void an_unknown_route_is_not_found_in_the_envelope() {
        Merchant merchant = autoBusiness();

        assertError(api.get("/no-such-route"), 404, "NOT_FOUND");
        assertError(api.post("/no-such-route", VALID_PAYMENT), 404, "NOT_FOUND");
        assertError(api.get("/api/v1/no-such-route", merchant.headers()), 404, "NOT_FOUND");
        assertError(api.get("/api/v1/payments/PAY_20200101_ZZZZZZZZZZ/no-such-action", merchant.headers()), 404,
                "NOT_FOUND");
        assertError(api.get("/api/admin/no-such-route", Api.admin()), 404, "NOT_FOUND");
    }

    @Test
    void a_known_path_with_another_method_is_method_not_allowed_and_changes_nothing() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");
        String[] headers = merchant.headers();

        assertError(api.send("DELETE", PAYMENTS, null, null, headers), 405, "METHOD_NOT_ALLOWED");
        assertError(api.send("PUT", PAYMENTS + "/" + paymentId, VALID_PAYMENT, "application/json", headers), 405,
                "METHOD_NOT_ALLOWED");
        assertError(api.send("DELETE", PAYMENTS + "/" + paymentId, null, null, headers), 405, "METHOD_NOT_ALLOWED");
        assertError(api.get(PAYMENTS + "/" + paymentId + "/complete", headers), 405, "METHOD_NOT_ALLOWED");
        assertError(api.send("PATCH", refundsPath(paymentId), "{}", "application/json", headers), 405,
                "METHOD_NOT_ALLOWED");
        assertError(api.post("/api/v1/refunds", "{}", headers), 405, "METHOD_NOT_ALLOWED");
        assertError(api.send("DELETE", "/api/admin/refunds", null, null, Api.admin()), 405, "METHOD_NOT_ALLOWED");
        assertError(api.get("/api/admin/businesses/HB_000000000000/rotate-key", Api.admin()), 405, "METHOD_NOT_ALLOWED");
        assertError(api.post("/health", "{}"), 405, "METHOD_NOT_ALLOWED");

        assertThat(allPaymentIds(merchant)).containsExactly(paymentId);
        assertThat(payment(merchant, paymentId).path("status").asText()).isEqualTo("COMPLETED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{", "not json", "{\"amount\": \"1.00\" \"currency\": \"BDT\"}",
            "{\"amount\": \"1.00\", \"currency\": }", "{\"amount\": \"1.00\",}", "[]", "\"1.00\"", "null"})
    void a_malformed_json_body_is_a_validation_error_and_creates_nothing(String malformed) {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");

        assertErrorEnvelope(api.post(PAYMENTS, malformed, merchant.headers()), 400, "VALIDATION_ERROR");
        assertErrorEnvelope(api.post(refundsPath(paymentId), malformed, merchant.headers()), 400,
                "VALIDATION_ERROR");
        assertErrorEnvelope(api.post("/api/admin/businesses", malformed, Api.admin()), 400, "VALIDATION_ERROR");

        assertThat(allPaymentIds(merchant)).containsExactly(paymentId);
        assertThat(refundsOf(merchant, paymentId)).isEmpty();
    }

    Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments("amount as an array", "{\"amount\": [\"1000\"], \"currency\": \"JPY\"}",
                        "{\"amount\": [\"5\"], \"reason\": \"r\"}"),
                arguments("amount as an object", "{\"amount\": {\"value\": \"1000\"}, \"currency\": \"JPY\"}",
                        "{\"amount\": {\"value\": \"5\"}, \"reason\": \"r\"}"),
                arguments("amount as a JSON number", "{\"amount\": 1000, \"currency\": \"JPY\"}",
                        "{\"amount\": 5, \"reason\": \"r\"}"),
                arguments("currency or reason as an array", "{\"amount\": \"1000\", \"currency\": [\"JPY\"]}",
                        "{\"amount\": \"5\", \"reason\": [\"r\"]}"),
                arguments("merchantRef as an array",
                        "{\"amount\": \"1000\", \"currency\": \"JPY\", \"merchantRef\": [\"m\"]}",
                        "{\"amount\": \"5\", \"reason\": \"r\", \"merchantRef\": [\"m\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void a_field_of_the_wrong_json_type_is_a_validation_error_and_creates_nothing(String what, String payment,
                                                                                   String refund) {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "1000", "JPY");

        ApiResponse paymentAnswer = api.post(PAYMENTS, payment, merchant.headers());
        ApiResponse refundAnswer = api.post(refundsPath(paymentId), refund, merchant.headers());

        SoftAssertions softly = new SoftAssertions();
        softly.check(() -> assertErrorEnvelope(paymentAnswer, 400, "VALIDATION_ERROR"));
        softly.check(() -> assertErrorEnvelope(refundAnswer, 400, "VALIDATION_ERROR"));
        softly.check(() -> assertThat(allPaymentIds(merchant)).as("payments").containsExactly(paymentId));
        softly.check(() -> assertThat(refundsOf(merchant, paymentId)).as("refunds").isEmpty());
        softly.assertAll();
    }

    @Test
    void a_malformed_or_non_json_admin_body_is_refused_and_changes_nothing() {
        Merchant merchant = manualBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "10.00");
        String disputed = completedPayment(merchant, "100.00");
        String disputeId = openedDispute(disputed);
        String reject = "/api/admin/refunds/" + refundId + "/reject";
        String close = "/api/admin/disputes/" + disputeId + "/close";
        String open = "/api/admin/payments/" + paymentId + "/disputes";

        SoftAssertions softly = new SoftAssertions();
        softly.check(() -> assertErrorEnvelope(api.post(reject, "{", Api.admin()), 400, "VALIDATION_ERROR"));
        softly.check(() -> assertErrorEnvelope(api.post(close, "{\"outcome\": ", Api.admin()), 400,
                "VALIDATION_ERROR"));
        softly.check(() -> assertErrorEnvelope(api.post(open, "{\"reason\": ", Api.admin()), 400,
                "VALIDATION_ERROR"));
        softly.check(() -> assertError(api.send("POST", reject, "{\"reason\": \"no\"}", "text/plain", Api.admin()),
                415, "UNSUPPORTED_MEDIA_TYPE"));
        softly.check(() -> assertError(api.send("POST", close, "{\"outcome\": \"WON\"}", "text/plain",
                Api.admin()), 415, "UNSUPPORTED_MEDIA_TYPE"));
        softly.check(() -> assertError(api.send("POST", open, "{\"reason\": \"r\"}", "text/plain", Api.admin()),
                415, "UNSUPPORTED_MEDIA_TYPE"));
        softly.assertAll();

        assertThat(refundOf(merchant, paymentId, refundId).path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(payment(merchant, paymentId).path("disputed").asBoolean()).isFalse();
        assertThat(payment(merchant, disputed).path("disputed").asBoolean()).isTrue();
    }

    @Test
    void a_json_body_with_a_charset_parameter_is_accepted() {
        Merchant merchant = autoBusiness();

        ApiResponse created = api.send("POST", PAYMENTS, VALID_PAYMENT, "application/json; charset=utf-8",
                merchant.headers());

        assertSuccess(created, 201);
        assertThat(created.text("amount")).isEqualTo("1.00");
    }

    @Test
    void a_chunked_body_over_64_kib_is_payload_too_large_and_creates_nothing() throws Exception {
        Merchant merchant = autoBusiness();
        byte[] huge = Api.json(body("amount", "1.00", "currency", "BDT", "description", "d".repeat(70_000)))
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri().resolve(PAYMENTS))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
        String[] headers = merchant.headers();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        OpenApiContract.check(service.uri(), "POST", PAYMENTS, response.statusCode(), response.headers().map(),
                response.body());

        assertError(new ApiResponse(response.statusCode(), response.headers(), response.body(),
                parse(response.body())), 413, "PAYLOAD_TOO_LARGE");
        assertThat(allPaymentIds(merchant)).isEmpty();
    }

    @Test
    void an_empty_json_body_where_one_is_needed_is_a_validation_error() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");

        assertErrorEnvelope(api.send("POST", PAYMENTS, "", "application/json", merchant.headers()), 400,
                "VALIDATION_ERROR");
        assertErrorEnvelope(api.send("POST", refundsPath(paymentId), "", "application/json", merchant.headers()),
                400, "VALIDATION_ERROR");

        assertThat(allPaymentIds(merchant)).containsExactly(paymentId);
        assertThat(refundsOf(merchant, paymentId)).isEmpty();
    }

    @Test
    void a_body_over_64_kib_is_payload_too_large_and_creates_nothing() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");
        String huge = Api.json(body("amount", "1.00", "currency", "BDT", "description", "d".repeat(70_000)));

        assertError(api.post(PAYMENTS, huge, merchant.headers()), 413, "PAYLOAD_TOO_LARGE");
        assertError(api.post(refundsPath(paymentId),
                Api.json(body("amount", "1.00", "reason", "r".repeat(70_000))), merchant.headers()), 413,
                "PAYLOAD_TOO_LARGE");

        assertError(api.post("/api/admin/businesses", Api.json(Map.of("name", "n".repeat(70_000), "reviewMode",
                "AUTO", "refundMode", "MULTIPLE")), Api.admin()), 413, "PAYLOAD_TOO_LARGE");

        assertThat(allPaymentIds(merchant)).containsExactly(paymentId);
        assertThat(refundsOf(merchant, paymentId)).isEmpty();
    }

    @Test
    void a_body_just_under_64_kib_is_read_and_judged_on_its_fields() {
        Merchant merchant = autoBusiness();
        String large = Api.json(body("amount", "1.00", "currency", "BDT", "description", "d".repeat(60_000)));

        assertError(api.post(PAYMENTS, large, merchant.headers()), 400, "VALIDATION_ERROR", "description");
        assertThat(allPaymentIds(merchant)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/xml"})
    void a_body_that_is_not_json_is_an_unsupported_media_type_and_creates_nothing(String contentType) {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");

        assertError(api.send("POST", PAYMENTS, VALID_PAYMENT, contentType, merchant.headers()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.send("POST", refundsPath(paymentId), "{\"reason\": \"r\"}", contentType,
                merchant.headers()), 415, "UNSUPPORTED_MEDIA_TYPE");

        assertThat(allPaymentIds(merchant)).containsExactly(paymentId);
        assertThat(refundsOf(merchant, paymentId)).isEmpty();
    }

    @Test
    void odd_input_gets_a_client_error_that_reveals_nothing_internal() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");
        String[] headers = merchant.headers();
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        answers.put("quote in a payment id", api.get(PAYMENTS + "/" + encode("PAY_' OR '1'='1"), headers));
        answers.put("very long payment id", api.get(PAYMENTS + "/PAY_" + "X".repeat(2_000), headers));
        answers.put("unicode payment id", api.get(PAYMENTS + "/" + encode("PAY_ÄÖÜ_😀"), headers));
        answers.put("quote in a refund id", api.get(refundsPath(paymentId) + "/" + encode("REF_'--"), headers));
        answers.put("quote in a cursor", api.get(PAYMENTS + "?startingAfter=" + encode("x' OR 1=1 --"), headers));
        answers.put("huge number as amount", api.post(PAYMENTS, "{\"amount\": 1e400, \"currency\": \"BDT\"}",
                headers));
        answers.put("huge amount string", api.post(PAYMENTS, Api.json(body("amount", "9".repeat(30) + ".00",
                "currency", "BDT")), headers));
        answers.put("huge refund amount", api.post(refundsPath(paymentId), Api.json(body("amount",
                "9".repeat(30) + ".00", "reason", "r")), headers));
        answers.put("number as reason", api.post(refundsPath(paymentId), "{\"reason\": {\"a\": 1}}", headers));
        answers.put("deeply nested JSON", api.post(PAYMENTS, "[".repeat(5_000) + "]".repeat(5_000), headers));
        answers.put("null bytes", api.post(PAYMENTS, Api.json(body("amount", "1.00\u0000", "currency", "BDT")),
                headers));
        answers.put("unknown review mode", api.post("/api/admin/businesses", Api.json(body("name", "n",
                "reviewMode", "SOMETIMES", "refundMode", "MULTIPLE")), Api.admin()));

        SoftAssertions softly = new SoftAssertions();
        answers.forEach((what, answer) -> softly.check(() -> {
            assertThat(answer.status()).as("%s: %s", what, answer).isBetween(400, 499);
            assertErrorEnvelope(answer, answer.status(), answer.errorCode());
            assertNoLeaks(answer);
        }));
        softly.assertAll();
        assertThat(allPaymentIds(merchant)).containsExactly(paymentId);
    }

    @Test
    void every_response_carries_a_request_id() {
        Map<String, ApiResponse> answers = variedAnswers(autoBusiness());

        SoftAssertions softly = new SoftAssertions();
        answers.forEach((what, answer) -> softly.assertThat(answer.headers().firstValue(REQUEST_ID).orElse(""))
                .as("X-Request-Id of %s: %s", what, answer).isNotBlank());
        softly.assertAll();
    }

    @Test
    void every_response_is_a_json_envelope() {
        Map<String, ApiResponse> answers = variedAnswers(autoBusiness());

        SoftAssertions softly = new SoftAssertions();
        answers.forEach((what, answer) -> {
            softly.assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as("Content-Type of %s: %s", what, answer).startsWith("application/json");
            softly.assertThat(answer.json()).as("JSON body of %s", what).isNotNull();
            if (answer.json() != null) {
                softly.assertThat(answer.json().path("status").asText())
                        .as("envelope status of %s: %s", what, answer)
                        .isEqualTo(answer.status() < 400 ? "success" : "error");
            }
        });
        softly.assertAll();
    }

    /** One answer of each kind: successes and every error status the API uses. */
    private Map<String, ApiResponse> variedAnswers(Merchant merchant) {
        String paymentId = completedPayment(merchant, "10.00");
        String[] headers = merchant.headers();
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        answers.put("200 health", api.get("/health"));
        answers.put("200 payment", api.get(PAYMENTS + "/" + paymentId, headers));
        answers.put("200 admin queue", api.get("/api/admin/refunds", Api.admin()));
        answers.put("201 payment", api.post(PAYMENTS, VALID_PAYMENT, headers));
        answers.put("202 refund", api.post(refundsPath(paymentId), Api.json(body("amount", "1.00", "reason", "r")),
                headers));
        answers.put("400 validation", api.post(PAYMENTS, "{}", headers));
        answers.put("400 malformed", api.post(PAYMENTS, "{", headers));
        answers.put("400 query", api.get(PAYMENTS + "?limit=0", headers));
        answers.put("401 merchant", api.get(PAYMENTS));
        answers.put("401 admin", api.get("/api/admin/refunds"));
        answers.put("404 route", api.get("/no-such-route"));
        answers.put("404 payment", api.get(PAYMENTS + "/PAY_20200101_ZZZZZZZZZZ", headers));
        answers.put("405", api.send("DELETE", PAYMENTS, null, null, headers));
        answers.put("409", api.post(PAYMENTS + "/" + paymentId + "/complete", null, headers));
        answers.put("413", api.post(PAYMENTS, Api.json(body("amount", "1.00", "currency", "BDT",
                "description", "d".repeat(70_000))), headers));
        answers.put("415", api.send("POST", PAYMENTS, VALID_PAYMENT, "text/plain", headers));
        answers.put("422", api.post(refundsPath(paymentId), Api.json(body("amount", "100.00", "reason", "r")),
                headers));
        return answers;
    }

    @Test
    void a_request_id_sent_by_the_client_is_echoed_on_success_and_on_error() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "10.00");
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        answers.put("200", api.get(PAYMENTS + "/" + paymentId, Api.with(merchant.headers(), REQUEST_ID, "req-200")));
        answers.put("201", api.post(PAYMENTS, VALID_PAYMENT, Api.with(merchant.headers(), REQUEST_ID, "req-201")));
        answers.put("400", api.post(PAYMENTS, "{}", Api.with(merchant.headers(), REQUEST_ID, "req-400")));
        answers.put("401", api.get(PAYMENTS, REQUEST_ID, "req-401"));
        answers.put("404", api.get("/no-such-route", REQUEST_ID, "req-404"));
        answers.put("405", api.send("DELETE", PAYMENTS, null, null,
                Api.with(merchant.headers(), REQUEST_ID, "req-405")));
        answers.put("409", api.post(PAYMENTS + "/" + paymentId + "/complete", null,
                Api.with(merchant.headers(), REQUEST_ID, "req-409")));
        answers.put("415", api.send("POST", PAYMENTS, VALID_PAYMENT, "text/plain",
                Api.with(merchant.headers(), REQUEST_ID, "req-415")));

        SoftAssertions softly = new SoftAssertions();
        answers.forEach((status, answer) -> softly.assertThat(answer.headers().firstValue(REQUEST_ID).orElse(null))
                .as("X-Request-Id echoed on %s", answer).isEqualTo("req-" + status));
        softly.assertAll();
        assertSuccess(answers.get("200"), 200);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : Api.JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
