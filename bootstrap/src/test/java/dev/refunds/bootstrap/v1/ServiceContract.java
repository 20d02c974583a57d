package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One running service per run of a test class on one backend (the class's {@code @OnH2AndMariaDb} runs it on each),
 * and the steps a client takes over and over: create a business, a payment, a refund, read the books back. The database may hold other tests'
 * data (MariaDB is shared), so every test makes its own businesses and looks only for its own ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceContract {
    static final String PAYMENTS = "/api/v1/payments";
    private static final Set<String> RESERVING = Set.of("PENDING_REVIEW", "INITIATED", "PROCESSING");

    RunningService service;
    Api api;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    /**
     * Settings for the service. By default the settlement worker stays off: most tests follow refunds through
     * request, review and cancel, and need an {@code INITIATED} refund to stay {@code INITIATED} until they act on it.
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

    // ---- businesses -------------------------------------------------------------------------------------------

    Merchant autoBusiness() {
        return api.createBusiness("AUTO", "MULTIPLE", null);
    }

    Merchant manualBusiness() {
        return api.createBusiness("MANUAL", "MULTIPLE", null);
    }

    // ---- payments ---------------------------------------------------------------------------------------------

    /** A paid {@code LINK} payment; returns its id. */
    String completedPayment(Merchant merchant, String amount, String currency) {
        return api.payment(merchant, amount, currency, "LINK", true).path("paymentId").asText();
    }

    String completedPayment(Merchant merchant, String amount) {
        return completedPayment(merchant, amount, "BDT");
    }

    String pendingPayment(Merchant merchant, String amount) {
        return api.payment(merchant, amount, "BDT", "LINK", false).path("paymentId").asText();
    }

    ApiResponse createPayment(Merchant merchant, Map<String, ?> body) {
        return api.post(PAYMENTS, Api.json(body), merchant.headers());
    }

    JsonNode payment(Merchant merchant, String paymentId) {
        ApiResponse read = api.get(PAYMENTS + "/" + paymentId, merchant.headers());
        assertSuccess(read, 200);
        return read.data();
    }

    /** Every payment of the business, newest first, following the cursor to the end. */
    List<String> allPaymentIds(Merchant merchant) {
        return allIds(PAYMENTS + "?limit=100", "paymentId", merchant.headers());
    }

    // ---- refunds ----------------------------------------------------------------------------------------------

    static String refundsPath(String paymentId) {
        return PAYMENTS + "/" + paymentId + "/refunds";
    }

    /** Asks for a refund; {@code amount} {@code null} leaves it out. */
    ApiResponse requestRefund(Merchant merchant, String paymentId, String amount, String reason) {
        Map<String, Object> body = new HashMap<>();
        if (amount != null) {
            body.put("amount", amount);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return api.post(refundsPath(paymentId), Api.json(body), merchant.headers());
    }

    /** Asks for a refund that must be accepted; returns the refund. */
    JsonNode refund(Merchant merchant, String paymentId, String amount) {
        ApiResponse requested = requestRefund(merchant, paymentId, amount, "customer asked");
        assertSuccess(requested, 202);
        return requested.data();
    }

    String refundId(Merchant merchant, String paymentId, String amount) {
        return refund(merchant, paymentId, amount).path("refundId").asText();
    }

    JsonNode refundOf(Merchant merchant, String paymentId, String refundId) {
        ApiResponse read = api.get(refundsPath(paymentId) + "/" + refundId, merchant.headers());
        assertSuccess(read, 200);
        return read.data();
    }

    /** The payment's refunds as the API lists them (oldest first). */
    List<JsonNode> refundsOf(Merchant merchant, String paymentId) {
        ApiResponse listed = api.get(refundsPath(paymentId), merchant.headers());
        assertSuccess(listed, 200);
        List<JsonNode> refunds = new ArrayList<>();
        listed.data().path("items").forEach(refunds::add);
        return refunds;
    }

    // ---- admin ------------------------------------------------------------------------------------------------

    ApiResponse approve(String refundId) {
        return api.post("/api/admin/refunds/" + refundId + "/approve", null, Api.admin());
    }

    ApiResponse reject(String refundId, String reason) {
        return api.post("/api/admin/refunds/" + refundId + "/reject",
                reason == null ? null : Api.json(Map.of("reason", reason)), Api.admin());
    }

    ApiResponse openDispute(String paymentId, String reason) {
        return api.post("/api/admin/payments/" + paymentId + "/disputes", Api.json(Map.of("reason", reason)),
                Api.admin());
    }

    ApiResponse closeDispute(String disputeId, String outcome) {
        return api.post("/api/admin/disputes/" + disputeId + "/close", Api.json(Map.of("outcome", outcome)),
                Api.admin());
    }

    String openedDispute(String paymentId) {
        ApiResponse opened = openDispute(paymentId, "customer says the goods never arrived");
        assertSuccess(opened, 201);
        return opened.text("disputeId");
    }

    // ---- lists ------------------------------------------------------------------------------------------------

    /** The ids of every item of a cursor-paged list, page after page, in the order the API gives them. */
    List<String> allIds(String firstPage, String idField, String... headers) {
        List<String> ids = new ArrayList<>();
        String page = firstPage;
        for (int pages = 0; pages < 10_000; pages++) {
            ApiResponse listed = api.get(page, headers);
            assertSuccess(listed, 200);
            JsonNode items = listed.data().path("items");
            items.forEach(item -> ids.add(item.path(idField).asText()));
            if (!listed.data().path("hasMore").asBoolean() || items.isEmpty()) {
                return ids;
            }
            String separator = firstPage.contains("?") ? "&" : "?";
            page = firstPage + separator + "startingAfter=" + items.get(items.size() - 1).path(idField).asText();
        }
        throw new AssertionError("the list at " + firstPage + " never ends");
    }

    static List<String> ids(ApiResponse list, String idField) {
        List<String> ids = new ArrayList<>();
        list.data().path("items").forEach(item -> ids.add(item.path(idField).asText()));
        return ids;
    }

    // ---- the books --------------------------------------------------------------------------------------------

    /** What a client sees of a payment's refunds: its totals, its status and each refund with its status. */
    record Books(String status, String refundTotal, String refundableAmount, List<String> refunds) {
    }

    Books books(Merchant merchant, String paymentId) {
        JsonNode payment = payment(merchant, paymentId);
        List<String> refunds = refundsOf(merchant, paymentId).stream()
                .map(refund -> refund.path("refundId").asText() + " " + refund.path("status").asText() + " "
                        + refund.path("amount").asText())
                .toList();
        return new Books(payment.path("status").asText(), payment.path("refundTotal").asText(),
                payment.path("refundableAmount").asText(), refunds);
    }

    /**
     * The payment's {@code refundTotal} is the sum of its {@code COMPLETED} refunds and its {@code refundableAmount}
     * the amount less completed and in-flight refunds, both at the currency's scale. For a paid payment without a
     * lost dispute.
     */
    void assertBooksAgreeWithRefunds(Merchant merchant, String paymentId) {
        JsonNode payment = payment(merchant, paymentId);
        List<JsonNode> refunds = refundsOf(merchant, paymentId);
        BigDecimal amount = new BigDecimal(payment.path("amount").asText());
        int scale = amount.scale();
        BigDecimal completed = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        for (JsonNode refund : refunds) {
            BigDecimal refundAmount = new BigDecimal(refund.path("amount").asText());
            String status = refund.path("status").asText();
            if (status.equals("COMPLETED")) {
                completed = completed.add(refundAmount);
            } else if (RESERVING.contains(status)) {
                reserved = reserved.add(refundAmount);
            }
        }
        assertThat(payment.path("refundTotal").asText()).as("refundTotal of %s with refunds %s", paymentId, refunds)
                .isEqualTo(completed.setScale(scale).toPlainString());
        assertThat(payment.path("refundableAmount").asText())
                .as("refundableAmount of %s with refunds %s", paymentId, refunds)
                .isEqualTo(amount.subtract(completed).subtract(reserved).setScale(scale).toPlainString());
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
