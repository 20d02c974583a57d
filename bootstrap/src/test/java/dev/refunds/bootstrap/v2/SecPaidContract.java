package dev.refunds.bootstrap.v2;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running service per run of a test class on one backend (its {@code @OnH2AndMariaDb} runs it on each), and
 * what a SecPaid client and the fixtures it needs are made of: businesses, payments (v1), reviews and disputes (admin), and the two v2 calls.
 * MariaDB is shared with other test classes, so every test makes its own businesses and payments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecPaidContract {
    static final String REFUND_PAYMENT = "/api/v2/refundPayment";
    static final String REFUND_STATUS = "/api/v2/refundStatus";
    static final String PAYMENTS = "/api/v1/payments";

    static final String AMOUNT_REQUIRED = "Refund amount is required";
    static final String LINK_NOT_FOUND = "Link not found";
    static final String LINK_CANCELLED = "Link is cancelled";
    static final String INVOICE = "Cannot refund invoice-type links";
    static final String ALREADY_REQUESTED = "Refund already requested";
    static final String BLOCKED_BY_DISPUTE = "Refund blocked by dispute";
    static final String INVALID_AMOUNT = "Invalid refund amount";

    static final Pattern REFUND_ID = Pattern.compile("REF_\\d{8}_[0-9A-Z]{10}");
    /** Above 2^53: never handed out as a payId (README, "Ids"). */
    static final String UNKNOWN_PAY_ID = "9007199254740993";

    /** Reads bodies keeping every JSON number exactly as written (no {@code double} on the way). */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    RunningService service;
    Api api;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    /**
     * Extra service settings of this class. By default the settlement worker is off, so an approved refund stays
     * {@code INITIATED} ("Approved") for as long as a test looks at it; {@link RefundSettlementTest} turns it on.
     */
    Map<String, Object> settings() {
        return Map.of("refunds.settlement.enabled", "false");
    }

    @BeforeParameterizedClassInvocation
    void startService() {
        service = RunningService.start(backend().newDatabase(), settings());
        api = service.api();
    }

    @AfterParameterizedClassInvocation
    void stopService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    // ---- businesses and payments ------------------------------------------------------------------------------

    /** The SecPaid system: every refund is reviewed, one refund request per link. */
    Merchant secPaidBusiness() {
        return api.createBusiness("MANUAL", "SINGLE", null);
    }

    /** The ShadhinPay system: refunds go straight to the processor, several per payment. */
    Merchant shadhinPayBusiness() {
        return api.createBusiness("AUTO", "MULTIPLE", null);
    }

    /** A payment as its owner knows it: the v1 {@code paymentId} and the numeric {@code payId} v2 uses. */
    record Link(Merchant owner, String paymentId, long payId, String amount, String currency) {
        String payIdText() {
            return Long.toString(payId);
        }
    }

    Link link(Merchant owner, String amount, String currency, String type, boolean paid) {
        JsonNode payment = api.payment(owner, amount, currency, type, paid);
        JsonNode payId = payment.path("payId");
        assertThat(payId.isIntegralNumber()).as("payId of %s is a JSON integer", payment).isTrue();
        return new Link(owner, payment.path("paymentId").asText(), payId.asLong(), amount, currency);
    }

    Link paidLink(Merchant owner, String amount, String currency) {
        return link(owner, amount, currency, "LINK", true);
    }

    Link paidLink(Merchant owner, String amount) {
        return paidLink(owner, amount, "USD");
    }

    Link cancelled(Link unpaid) {
        ApiResponse cancelled = api.post(PAYMENTS + "/" + unpaid.paymentId() + "/cancel", null,
                unpaid.owner().headers());
        assertSuccess(cancelled, 200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        return unpaid;
    }

    JsonNode payment(Link link) {
        ApiResponse read = api.get(PAYMENTS + "/" + link.paymentId(), link.owner().headers());
        assertSuccess(read, 200);
        return read.data();
    }

    // ---- v2 ---------------------------------------------------------------------------------------------------

    /**
     * A refundPayment body from raw JSON literals, in this order; a {@code null} literal leaves the field out.
     * {@code body("12", "49.99", "true")} is {@code {"pay_id":12,"refund_amount":49.99,"isFullRefund":true}}.
     */
    static String body(String payId, String refundAmount, String isFullRefund) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pay_id", payId);
        fields.put("refund_amount", refundAmount);
        fields.put("isFullRefund", isFullRefund);
        StringJoiner json = new StringJoiner(",", "{", "}");
        fields.forEach((name, literal) -> {
            if (literal != null) {
                json.add("\"" + name + "\":" + literal);
            }
        });
        return json.toString();
    }

    static String body(Link link, String refundAmount) {
        return body(link.payIdText(), refundAmount, null);
    }

    ApiResponse refundPayment(Merchant caller, String rawBody, String... moreHeaders) {
        return api.post(REFUND_PAYMENT, rawBody, Api.with(caller.headers(), moreHeaders));
    }

    ApiResponse refundPayment(Link link, String refundAmount) {
        return refundPayment(link.owner(), body(link, refundAmount));
    }

    ApiResponse refundStatus(Merchant caller, String payIdQuery) {
        return api.get(REFUND_STATUS + (payIdQuery == null ? "" : "?pay_id=" + payIdQuery), caller.headers());
    }

    ApiResponse refundStatus(Link link) {
        return refundStatus(link.owner(), link.payIdText());
    }

    /** Asks for a refund through v2 that must be accepted; returns its refund_id. */
    String requestedThroughV2(Link link, String refundAmount) {
        ApiResponse requested = refundPayment(link, refundAmount);
        assertSuccess(requested, 200);
        return requested.text("refund_id");
    }

    // ---- v1 ---------------------------------------------------------------------------------------------------

    static String refundsPath(Link link) {
        return PAYMENTS + "/" + link.paymentId() + "/refunds";
    }

    /** Asks for a refund through v1 that must be accepted; returns it. */
    JsonNode refundedThroughV1(Link link, String amount) {
        ApiResponse requested = api.post(refundsPath(link), Api.json(Map.of("amount", amount, "reason",
                "customer asked")), link.owner().headers());
        assertSuccess(requested, 202);
        return requested.data();
    }

    /** The payment's refunds as v1 lists them, oldest first. */
    List<JsonNode> v1Refunds(Link link) {
        ApiResponse listed = api.get(refundsPath(link), link.owner().headers());
        assertSuccess(listed, 200);
        List<JsonNode> refunds = new ArrayList<>();
        listed.data().path("items").forEach(refunds::add);
        return refunds;
    }

    JsonNode v1Refund(Link link, String refundId) {
        ApiResponse read = api.get(refundsPath(link) + "/" + refundId, link.owner().headers());
        assertSuccess(read, 200);
        return read.data();
    }

    void cancelThroughV1(Link link, String refundId) {
        assertSuccess(api.post(refundsPath(link) + "/" + refundId + "/cancel", null, link.owner().headers()), 200);
    }

    // ---- admin ------------------------------------------------------------------------------------------------

    void approve(String refundId) {
        ApiResponse approved = api.post("/api/admin/refunds/" + refundId + "/approve", null, Api.admin());
        assertSuccess(approved, 200);
    }

    void reject(String refundId, String reason) {
        ApiResponse rejected = api.post("/api/admin/refunds/" + refundId + "/reject",
                reason == null ? null : Api.json(Map.of("reason", reason)), Api.admin());
        assertSuccess(rejected, 200);
    }

    String openDispute(Link link) {
        ApiResponse opened = api.post("/api/admin/payments/" + link.paymentId() + "/disputes",
                Api.json(Map.of("reason", "customer says the goods never arrived")), Api.admin());
        assertSuccess(opened, 201);
        return opened.text("disputeId");
    }

    void closeDispute(String disputeId, String outcome) {
        ApiResponse closed = api.post("/api/admin/disputes/" + disputeId + "/close",
                Api.json(Map.of("outcome", outcome)), Api.admin());
        assertSuccess(closed, 200);
    }

    // ---- what a client checks ---------------------------------------------------------------------------------

    /** The body with every number exactly as the service wrote it. */
    static JsonNode exact(ApiResponse response) {
        try {
            return EXACT.readTree(response.raw());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response, e);
        }
    }

    static void assertSuccess(ApiResponse response, int status) {
        assertThat(response.status()).as("HTTP status of %s", response).isEqualTo(status);
        assertThat(response.json()).as("a JSON body in %s", response).isNotNull();
        assertThat(response.json().path("status").asText()).as("envelope status of %s", response)
                .isEqualTo("success");
        assertThat(response.json().has("data")).as("data in %s", response).isTrue();
    }

    /** {@code {"status":"error","error":{"code","message"}}}: the SecPaid message, a code, no field. */
    static void assertSecPaidError(ApiResponse response, int status, String message) {
        assertErrorEnvelope(response, status);
        assertThat(response.errorMessage()).as("error.message of %s", response).isEqualTo(message);
        assertThat(fieldNames(response.json().path("error"))).as("keys of error in %s", response)
                .containsExactlyInAnyOrder("code", "message");
    }

    /** The error envelope with this status and some code and message (a field allowed). */
    static void assertErrorEnvelope(ApiResponse response, int status) {
        assertThat(response.status()).as("HTTP status of %s", response).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json).as("a JSON body in %s", response).isNotNull();
        assertThat(json.isObject()).as("a JSON object in %s", response).isTrue();
        assertThat(fieldNames(json)).as("top-level keys of %s", response).containsExactlyInAnyOrder("status", "error");
        assertThat(json.path("status").asText()).as("envelope status of %s", response).isEqualTo("error");
        assertThat(Set.of("code", "message", "field")).as("keys of error in %s", response)
                .containsAll(fieldNames(json.path("error")));
        assertThat(response.errorCode()).as("error.code of %s", response).isNotBlank();
        assertThat(response.errorMessage()).as("error.message of %s", response).isNotBlank();
        for (String leak : List.of("Exception", "dev.refunds", "java.", "SQL")) {
            assertThat(response.raw()).as("body of %s must not contain %s", response, leak).doesNotContain(leak);
        }
    }

    /**
     * A refundPayment answer: {@code {refund_id, pay_id, refund_amount, status}} and nothing else, the amount a
     * JSON number of exactly this value.
     */
    static void assertRequested(ApiResponse response, Link link, String amount, String status) {
        assertSuccess(response, 200);
        JsonNode data = exact(response).path("data");
        assertThat(fieldNames(data)).as("keys of data in %s", response)
                .containsExactlyInAnyOrder("refund_id", "pay_id", "refund_amount", "status");
        assertRefundFields(response, data, link, amount, status);
    }

    /**
     * The v2 statuses an approved refund may show when the test looks: "Approved" on H2, where this service's
     * worker is the only one. MariaDB is shared, and API.md lets several instances share a database, so another
     * instance's settlement worker (another test run) may already have settled the refund: "Completed" too.
     */
    Set<String> approvedOrSettledElsewhere() {
        return backend() == Backend.MARIADB ? Set.of("Approved", "Completed") : Set.of("Approved");
    }

    /** A refundStatus answer of an approved refund (see {@link #approvedOrSettledElsewhere()}). */
    void assertApprovedStatus(ApiResponse response, Link link, String refundId, String amount) {
        assertSuccess(response, 200);
        assertThat(response.text("status")).as("status of %s", response).isIn(approvedOrSettledElsewhere());
        assertRefundStatus(response, link, refundId, amount, response.text("status"), null);
    }

    /** A refundStatus answer: the refundPayment fields plus {@code reject_reason}. */
    static void assertRefundStatus(ApiResponse response, Link link, String refundId, String amount, String status,
                                   String rejectReason) {
        assertSuccess(response, 200);
        JsonNode data = exact(response).path("data");
        assertThat(fieldNames(data)).as("keys of data in %s", response)
                .containsExactlyInAnyOrder("refund_id", "pay_id", "refund_amount", "status", "reject_reason");
        assertRefundFields(response, data, link, amount, status);
        assertThat(data.path("refund_id").asText()).as("refund_id of %s", response).isEqualTo(refundId);
        if (rejectReason == null) {
            assertThat(data.get("reject_reason").isNull()).as("reject_reason of %s is null", response).isTrue();
        } else {
            assertThat(data.path("reject_reason").asText()).as("reject_reason of %s", response)
                    .isEqualTo(rejectReason);
        }
    }

    private static void assertRefundFields(ApiResponse response, JsonNode data, Link link, String amount,
                                           String status) {
        assertThat(data.path("refund_id").asText()).as("refund_id of %s", response).matches(REFUND_ID);
        assertThat(data.path("pay_id").isIntegralNumber()).as("pay_id of %s is a JSON integer", response).isTrue();
        assertThat(data.path("pay_id").asLong()).as("pay_id of %s", response).isEqualTo(link.payId());
        assertAmount(response, data.path("refund_amount"), amount);
        assertThat(data.path("status").asText()).as("status of %s", response).isEqualTo(status);
    }

    /** A JSON number (not a string) whose value is exactly {@code expected}. */
    static void assertAmount(ApiResponse response, JsonNode amount, String expected) {
        assertThat(amount.isNumber()).as("refund_amount of %s is a JSON number", response).isTrue();
        assertThat(amount.decimalValue()).as("refund_amount of %s", response)
                .isEqualByComparingTo(new BigDecimal(expected));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
