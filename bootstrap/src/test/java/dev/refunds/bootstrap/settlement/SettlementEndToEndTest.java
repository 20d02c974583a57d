package dev.refunds.bootstrap.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import dev.refunds.bootstrap.support.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.refunds.bootstrap.settlement.Settlements.awaitSettled;
import static dev.refunds.bootstrap.settlement.Settlements.cancel;
import static dev.refunds.bootstrap.settlement.Settlements.outboxPayloads;
import static dev.refunds.bootstrap.settlement.Settlements.outboxTypes;
import static dev.refunds.bootstrap.settlement.Settlements.paidPayment;
import static dev.refunds.bootstrap.settlement.Settlements.payment;
import static dev.refunds.bootstrap.settlement.Settlements.refund;
import static dev.refunds.bootstrap.settlement.Settlements.requestRefund;
import static dev.refunds.bootstrap.settlement.Settlements.sandboxSubmitCalls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement worker end to end: refunds asked for over HTTP are sent to the built-in sandbox processor (settle
 * delay 0 s) and settle on their own, the payment's books follow, and the outbox tells the story in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 50, unit = TimeUnit.SECONDS)
@OnH2AndMariaDb
class SettlementEndToEndTest {
    private static final int LATENCY_SAMPLES = 20;

    private RunningService service;
    private JdbcSettings db;
    private Api api;

    /** The database of this run: one of those the class's backend annotation names. */
    @Parameter
    Backend backend;

    Backend backend() {
        return backend;
    }

    @BeforeParameterizedClassInvocation
    void startServiceWithTheWorker() {
        db = backend().newDatabase();
        service = RunningService.start(db, Settlements.WORKER_ON);
        api = service.api();
        Settlements.awaitBacklogDrained(db, Duration.ofSeconds(20));
    }

    @AfterParameterizedClassInvocation
    void stopService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    private Merchant autoShop() {
        return api.createBusiness("AUTO", "MULTIPLE", null);
    }

    @Test
    void a_partial_refund_created_over_http_completes_on_its_own_and_grows_the_refund_total() {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, "1000.00", "BDT");

        JsonNode created = requestRefund(api, shop, paymentId, "250.00");
        assertThat(created.path("status").asText()).isEqualTo("INITIATED");
        JsonNode settled = awaitSettled(api, shop, paymentId, created.path("refundId").asText());

        assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(settled.path("amount").asText()).isEqualTo("250.00");
        assertThat(settled.path("completedAt").isTextual()).as("completedAt of %s", settled).isTrue();
        assertThat(Instant.parse(settled.path("completedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(settled.path("initiatedAt").asText()));
        assertThat(settled.path("failureReason").isTextual()).as("failureReason of %s", settled).isFalse();
        JsonNode payment = payment(api, shop, paymentId);
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("250.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("750.00");
    }

    @Test
    void partial_refunds_that_together_reach_the_amount_leave_the_payment_refunded() {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, "1000.00", "BDT");

        String first = requestRefund(api, shop, paymentId, "400.00").path("refundId").asText();
        awaitSettled(api, shop, paymentId, first);
        JsonNode between = payment(api, shop, paymentId);
        String rest = requestRefund(api, shop, paymentId, null).path("refundId").asText();
        JsonNode settled = awaitSettled(api, shop, paymentId, rest);

        assertThat(between.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(between.path("refundTotal").asText()).isEqualTo("400.00");
        assertThat(between.path("refundableAmount").asText()).isEqualTo("600.00");
        assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(settled.path("amount").asText()).isEqualTo("600.00");
        JsonNode payment = payment(api, shop, paymentId);
        assertThat(payment.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("1000.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("0.00");
    }

    @Test
    void a_full_refund_completes_and_moves_the_payment_to_refunded() {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, "1000.00", "BDT");

        String refundId = requestRefund(api, shop, paymentId, null).path("refundId").asText();
        JsonNode settled = awaitSettled(api, shop, paymentId, refundId);

        assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(settled.path("amount").asText()).isEqualTo("1000.00");
        JsonNode payment = payment(api, shop, paymentId);
        assertThat(payment.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("1000.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("0.00");
    }

    @Test
    void an_amount_whose_minor_units_end_in_13_fails_with_a_reason_and_its_amount_is_released() {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, "100.00", "BDT");

        String refundId = requestRefund(api, shop, paymentId, "10.13").path("refundId").asText();
        JsonNode settled = awaitSettled(api, shop, paymentId, refundId);

        assertThat(settled.path("status").asText()).isEqualTo("FAILED");
        assertThat(settled.path("failureReason").asText("")).as("failureReason of %s", settled).isNotBlank();
        assertThat(settled.path("completedAt").isTextual()).as("completedAt of %s", settled).isFalse();
        JsonNode payment = payment(api, shop, paymentId);
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("0.00");
        assertThat(payment.path("refundableAmount").asText()).as("the failed amount is released").isEqualTo("100.00");

        String whole = requestRefund(api, shop, paymentId, null).path("refundId").asText();
        assertThat(awaitSettled(api, shop, paymentId, whole).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment(api, shop, paymentId).path("status").asText()).isEqualTo("REFUNDED");
    }

    @ParameterizedTest(name = "a refund of {1} {0} on {2} {0} settles {3}")
    @CsvSource({"BDT, 20.13, 5000.00, FAILED", "BDT, 20.31, 5000.00, REVERSED", "BDT, 113.00, 5000.00, COMPLETED",
            "JPY, 513, 5000, FAILED", "JPY, 531, 5000, REVERSED", "JPY, 500, 5000, COMPLETED",
            "KWD, 1.031, 50.000, REVERSED", "KWD, 1.013, 50.000, FAILED",
            "KWD, 1.130, 50.000, COMPLETED"})
    void the_sandbox_declines_exactly_the_amounts_ending_in_13_and_reverses_those_ending_in_31(
            String currency, String amount, String paid, String outcome) {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, paid, currency);

        String refundId = requestRefund(api, shop, paymentId, amount).path("refundId").asText();

        assertThat(awaitSettled(api, shop, paymentId, refundId).path("status").asText()).isEqualTo(outcome);
    }

    @Test
    void the_outbox_holds_created_processing_and_refunded_in_order_with_the_settled_snapshot() throws IOException {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, "300.00", "BDT");

        String refundId = requestRefund(api, shop, paymentId, "120.00").path("refundId").asText();
        awaitSettled(api, shop, paymentId, refundId);

        assertThat(outboxTypes(db, refundId)).containsExactly("refund.created", "refund.processing",
                "payment.refunded");
        List<String> payloads = outboxPayloads(db, refundId);
        JsonNode processing = Api.JSON.readTree(payloads.get(1));
        assertThat(processing.path("type").asText()).isEqualTo("refund.processing");
        assertThat(processing.path("data").path("refund").path("status").asText()).isEqualTo("PROCESSING");
        JsonNode refunded = Api.JSON.readTree(payloads.get(2));
        assertThat(refunded.path("type").asText()).isEqualTo("payment.refunded");
        assertThat(refunded.path("data").path("refund").path("refundId").asText()).isEqualTo(refundId);
        assertThat(refunded.path("data").path("refund").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(refunded.path("data").path("payment").path("refundTotal").asText()).isEqualTo("120.00");
        assertThat(refunded.path("data").path("payment").path("refundableAmount").asText()).isEqualTo("180.00");
        assertThat(sandboxSubmitCalls(db, refundId)).as("sent once").containsExactly(1);
    }

    @Test
    void the_outbox_of_a_failed_refund_ends_with_payment_refund_failed() throws IOException {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, "300.00", "BDT");

        String refundId = requestRefund(api, shop, paymentId, "99.13").path("refundId").asText();
        awaitSettled(api, shop, paymentId, refundId);

        assertThat(outboxTypes(db, refundId)).containsExactly("refund.created", "refund.processing",
                "payment.refund_failed");
        JsonNode failed = Api.JSON.readTree(outboxPayloads(db, refundId).get(2));
        assertThat(failed.path("data").path("refund").path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("data").path("refund").path("failureReason").asText("")).isNotBlank();
        assertThat(failed.path("data").path("payment").path("refundableAmount").asText()).isEqualTo("300.00");
    }

    @Test
    void a_refund_waiting_for_review_is_not_sent_until_an_admin_approves_it() {
        Merchant shop = api.createBusiness("MANUAL", "MULTIPLE", null);
        String paymentId = paidPayment(api, shop, "100.00", "BDT");
        String refundId = requestRefund(api, shop, paymentId, "30.00").path("refundId").asText();

        Settlements.pause(600);   // a dozen worker passes
        assertThat(refund(api, shop, paymentId, refundId).path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(sandboxSubmitCalls(db, refundId)).isEmpty();

        ApiResponse approved = api.post("/api/admin/refunds/" + refundId + "/approve", null, Api.admin());
        assertThat(approved.status()).as("approve answered %s", approved).isEqualTo(200);
        assertThat(awaitSettled(api, shop, paymentId, refundId).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(outboxTypes(db, refundId)).containsExactly("refund.created", "refund.approved",
                "refund.processing", "payment.refunded");
    }

    @Test
    void a_settled_refund_cannot_be_cancelled() {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, "100.00", "BDT");
        String refundId = requestRefund(api, shop, paymentId, "30.00").path("refundId").asText();
        awaitSettled(api, shop, paymentId, refundId);

        ApiResponse cancelled = cancel(api, shop, paymentId, refundId);

        assertThat(cancelled.status()).as("cancel answered %s", cancelled).isEqualTo(409);
        assertThat(cancelled.errorCode()).isEqualTo("INVALID_STATE");
        assertThat(refund(api, shop, paymentId, refundId).path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void twenty_refunds_each_go_from_created_to_completed_quickly() {
        Merchant shop = autoShop();
        String paymentId = paidPayment(api, shop, "1000.00", "BDT");
        List<Long> latencies = new ArrayList<>();

        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            long start = System.nanoTime();
            String refundId = requestRefund(api, shop, paymentId, "10.00").path("refundId").asText();
            JsonNode settled = awaitSettled(api, shop, paymentId, refundId);
            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        }

        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf("settlement latency on %s (create -> COMPLETED seen by GET, %d refunds, poll-every 50ms): "
                        + "p50 %d ms, p90 %d ms, max %d ms, all %s%n", backend(), LATENCY_SAMPLES,
                Settlements.percentile(sorted, 0.5), Settlements.percentile(sorted, 0.9),
                sorted.get(sorted.size() - 1), latencies);
        assertThat(sorted.get(sorted.size() - 1)).isLessThan(Settlements.SETTLE_TIMEOUT.toMillis());
        JsonNode payment = payment(api, shop, paymentId);
        assertThat(payment.path("refundTotal").asText()).isEqualTo("200.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("800.00");
    }
}
