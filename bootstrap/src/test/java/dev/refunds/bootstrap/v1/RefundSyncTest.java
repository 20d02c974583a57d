package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST …/refunds/{refundId}/sync}: the worker sends refunds at once but would check them only an hour
 * later, so whatever moves a refund past PROCESSING here is the sync.
 */
@OnH2AndMariaDb
class RefundSyncTest extends ServiceContract {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Override
    Map<String, Object> settings() {
        return Map.of("refunds.settlement.enabled", "true", "refunds.sandbox.settle-delay", "0s",
                "refunds.settlement.poll-every", "100ms", "refunds.settlement.first-check-after", "1h",
                "refunds.settlement.check-every", "1h");
    }

    @Test
    void a_sync_completes_a_processing_refund_at_once_and_a_second_sync_changes_nothing() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "250.00");
        String refundId = processingRefund(merchant, paymentId, "100.00");

        ApiResponse synced = sync(merchant, paymentId, refundId);

        assertSuccess(synced, 200);
        assertThat(synced.text("status")).isEqualTo("COMPLETED");
        assertThat(synced.data().path("acquirerReference").asText()).matches("[0-9]{23}");
        assertThat(payment(merchant, paymentId).path("refundTotal").asText()).isEqualTo("100.00");
        ApiResponse again = sync(merchant, paymentId, refundId);
        assertSuccess(again, 200);
        assertThat(again.data()).isEqualTo(synced.data());
        assertThat(payment(merchant, paymentId).path("refundTotal").asText()).isEqualTo("100.00");
    }

    @Test
    void syncs_racing_on_one_refund_apply_its_outcome_once() throws Exception {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "300.00");
        String refundId = processingRefund(merchant, paymentId, "300.00");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> sync(merchant, paymentId, refundId)));
            }
            for (Future<ApiResponse> answer : answers) {
                assertSuccess(answer.get(), 200);
                assertThat(answer.get().text("status")).isEqualTo("COMPLETED");
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("refundTotal").asText()).isEqualTo("300.00");
        assertThat(payment.path("status").asText()).isEqualTo("REFUNDED");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void a_sync_applies_a_reversal_and_the_amount_is_refundable_again() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "80.31");
        String refundId = processingRefund(merchant, paymentId, "80.31");

        ApiResponse synced = sync(merchant, paymentId, refundId);

        assertSuccess(synced, 200);
        assertThat(synced.text("status")).isEqualTo("REVERSED");
        assertThat(synced.data().path("failureCode").asText()).isEqualTo("card_closed");
        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("80.31");
        assertBooksAgreeWithRefunds(merchant, paymentId);
    }

    @Test
    void a_refund_that_is_final_or_not_with_the_processor_cannot_be_synced_and_is_left_as_it_is() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String declined = processingRefund(merchant, paymentId, "10.13");
        assertThat(sync(merchant, paymentId, declined).text("status")).isEqualTo("FAILED");
        JsonNode failed = refundOf(merchant, paymentId, declined);

        assertError(sync(merchant, paymentId, declined), 409, "INVALID_STATE");
        assertThat(refundOf(merchant, paymentId, declined)).isEqualTo(failed);

        Merchant reviewed = manualBusiness();
        String reviewedPayment = completedPayment(reviewed, "100.00");
        String inReview = refundId(reviewed, reviewedPayment, "10.00");
        assertError(sync(reviewed, reviewedPayment, inReview), 409, "INVALID_STATE");
        assertThat(refundOf(reviewed, reviewedPayment, inReview).path("status").asText()).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void a_sync_of_an_unknown_refund_or_through_another_payment_or_business_is_not_found() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String otherPayment = completedPayment(merchant, "100.00");
        String refundId = processingRefund(merchant, paymentId, "10.00");

        assertError(sync(merchant, paymentId, "REF_20260101_0000000000"), 404, "NOT_FOUND");
        assertError(sync(merchant, otherPayment, refundId), 404, "NOT_FOUND");
        assertError(sync(autoBusiness(), paymentId, refundId), 404, "NOT_FOUND");
        assertThat(refundOf(merchant, paymentId, refundId).path("status").asText()).isEqualTo("PROCESSING");
    }

    private ApiResponse sync(Merchant merchant, String paymentId, String refundId) {
        return api.post(refundsPath(paymentId) + "/" + refundId + "/sync", null, merchant.headers());
    }

    /** A refund the worker has sent (PROCESSING), which it will not check again within the test. */
    private String processingRefund(Merchant merchant, String paymentId, String amount) {
        String refundId = refundId(merchant, paymentId, amount);
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!refundOf(merchant, paymentId, refundId).path("status").asText().equals("PROCESSING")) {
            assertThat(Instant.now()).as("refund %s sent within %s", refundId, PATIENCE).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return refundId;
    }
}
