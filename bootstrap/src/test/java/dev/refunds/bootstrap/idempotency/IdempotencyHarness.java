package dev.refunds.bootstrap.idempotency;

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

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code X-Idempotency-Key} suites share (API.md, "Idempotency"): one service per backend, and helpers that
 * say what a replay and a reuse look like (the crash and race suites use them too). The MariaDB database is shared,
 * so every test makes its own businesses and admin keys are unique per run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdempotencyHarness {
    static final String KEY_HEADER = "X-Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String PAYMENTS = "/api/v1/payments";

    RunningService service;
    Api api;
    Database database;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    /** The service's settings beyond the test defaults; a suite that needs others overrides this. */
    Map<String, Object> settings() {
        return Map.of();
    }

    @BeforeParameterizedClassInvocation
    void startService() {
        service = RunningService.start(backend().newDatabase(), settings());
        api = service.api();
        database = new Database(service.database());
    }

    @AfterParameterizedClassInvocation
    void stopService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    static String refunds(String paymentId) {
        return PAYMENTS + "/" + paymentId + "/refunds";
    }

    static String disputes(String paymentId) {
        return "/api/admin/payments/" + paymentId + "/disputes";
    }

    static String approve(String refundId) {
        return "/api/admin/refunds/" + refundId + "/approve";
    }

    static String reject(String refundId) {
        return "/api/admin/refunds/" + refundId + "/reject";
    }

    static String refundBody(String amount) {
        return Api.json(Map.of("amount", amount, "reason", "customer returned the goods"));
    }

    static String[] keyed(Merchant merchant, String key) {
        return Api.with(merchant.headers(), KEY_HEADER, key);
    }

    static String[] adminKeyed(String key) {
        return Api.with(Api.admin(), KEY_HEADER, key);
    }

    /** Admin keys share one scope on a database that outlives the run: each test takes a key of its own. */
    static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** {@code length} printable ASCII characters (no leading or trailing blank), all 94 visible ones in turn. */
    static String printableAscii(int length) {
        StringBuilder key = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            key.append((char) ('!' + i % 94));
        }
        return key.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The replay is the first answer again, byte for byte, plus {@code Idempotent-Replayed: true}. */
    static void assertReplayOf(ApiResponse first, ApiResponse replay) {
        assertThat(first.headers().firstValue(REPLAYED)).as("replay header on the first answer %s", first).isEmpty();
        assertThat(replay.status()).as("status of the replay %s of %s", replay, first).isEqualTo(first.status());
        assertThat(replay.raw()).as("body of the replay").isEqualTo(first.raw());
        assertThat(replay.headers().firstValue(REPLAYED)).as("replay header on %s", replay).contains("true");
    }

    static void assertReused(ApiResponse reused) {
        assertError(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.errorField()).isEqualTo(KEY_HEADER);
        assertThat(reused.headers().firstValue(REPLAYED)).isEmpty();
    }

    static void assertError(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.json()).as("a JSON body in %s", response).isNotNull();
        assertThat(response.json().path("status").asText()).isEqualTo("error");
        assertThat(response.errorCode()).as("error code of %s", response).isEqualTo(code);
    }

    Merchant business() {
        return api.createBusiness("AUTO", "MULTIPLE", null);
    }

    Merchant manualBusiness() {
        return api.createBusiness("MANUAL", "MULTIPLE", null);
    }

    String paidPayment(Merchant merchant, String amount) {
        return api.payment(merchant, amount, "BDT", "LINK", true).path("paymentId").asText();
    }

    String pendingPayment(Merchant merchant, String amount) {
        return api.payment(merchant, amount, "BDT", "LINK", false).path("paymentId").asText();
    }

    JsonNode payment(Merchant merchant, String paymentId) {
        ApiResponse read = api.get(PAYMENTS + "/" + paymentId, merchant.headers());
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        return read.data();
    }

    String pendingReviewRefund(Merchant merchant, String paymentId) {
        ApiResponse requested = api.post(refunds(paymentId), refundBody("10.00"), merchant.headers());
        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        assertThat(requested.text("status")).isEqualTo("PENDING_REVIEW");
        return requested.text("refundId");
    }
}
