package dev.refunds.bootstrap.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static dev.refunds.bootstrap.v1.Envelopes.assertError;
import static dev.refunds.bootstrap.v1.Envelopes.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refunds that the sandbox processor settles (at once, the worker polling often): a completed refund adds to
 * {@code refundTotal}, a full one leaves the payment {@code REFUNDED} and not refundable, a failed one (amount whose
 * minor units end in 13) releases its amount.
 */
@OnH2AndMariaDb
class SettledRefundsTest extends ServiceContract {
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "REJECTED");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Override
    Map<String, Object> settings() {
        return Map.of("refunds.settlement.enabled", "true", "refunds.sandbox.settle-delay", "0s",
                "refunds.settlement.poll-every", "100ms");
    }

    @Test
    void a_full_refund_completes_and_leaves_the_payment_refunded_with_nothing_refundable() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "250.00");
        String refundId = refundId(merchant, paymentId, null);

        JsonNode settled = settledRefund(merchant, paymentId, refundId);

        assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(settled.path("completedAt").asText())).isBeforeOrEqualTo(Instant.now());
        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("250.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("0.00");
        Books refunded = books(merchant, paymentId);

        assertError(requestRefund(merchant, paymentId, "1.00", "more"), 409, "PAYMENT_NOT_REFUNDABLE");
        assertError(requestRefund(merchant, paymentId, null, "more"), 409, "PAYMENT_NOT_REFUNDABLE");
        assertError(api.post(refundsPath(paymentId) + "/" + refundId + "/cancel", null, merchant.headers()), 409,
                "INVALID_STATE");
        assertThat(books(merchant, paymentId)).isEqualTo(refunded);
    }

    @Test
    void a_partial_refund_completes_and_adds_to_the_refund_total_of_a_payment_that_stays_completed() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "250.00");
        String first = refundId(merchant, paymentId, "100.00");
        settledRefund(merchant, paymentId, first);
        String second = refundId(merchant, paymentId, "50.50");

        JsonNode settled = settledRefund(merchant, paymentId, second);

        assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("150.50");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("99.50");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        assertThat(refund(merchant, paymentId, null).path("amount").asText()).isEqualTo("99.50");
    }

    @Test
    void a_refund_the_processor_declines_fails_with_a_reason_and_releases_its_amount() {
        Merchant merchant = api.createBusiness("AUTO", "SINGLE", null);
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "10.13");

        JsonNode settled = settledRefund(merchant, paymentId, refundId);

        assertThat(settled.path("status").asText()).isEqualTo("FAILED");
        assertThat(settled.path("failureReason").asText("")).isNotBlank();
        JsonNode payment = payment(merchant, paymentId);
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("0.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("100.00");
        assertBooksAgreeWithRefunds(merchant, paymentId);
        ApiResponse again = requestRefund(merchant, paymentId, "10.00", "once more");
        assertSuccess(again, 202);
    }

    @Test
    void a_completed_refund_shows_the_processors_reference_and_a_23_digit_acquirer_reference_everywhere() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "250.00");
        String refundId = refundId(merchant, paymentId, "40.00");
        JsonNode requested = refundOf(merchant, paymentId, refundId);
        assertThat(requested.has("processorReference")).as("field shown before it has a value: %s", requested)
                .isTrue();
        assertThat(requested.has("acquirerReference")).isTrue();
        assertThat(requested.path("failureCode").isNull()).isTrue();
        assertThat(requested.path("reversedAt").isNull()).isTrue();

        JsonNode settled = settledRefund(merchant, paymentId, refundId);

        assertThat(settled.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(settled.path("processorReference").asText()).isEqualTo("sbx_" + refundId);
        String arn = settled.path("acquirerReference").asText();
        assertThat(arn).matches("[0-9]{23}");
        assertThat(luhnValid(arn)).as("ARN %s carries a Luhn check digit", arn).isTrue();
        assertThat(settled.path("failureCode").isNull()).isTrue();
        JsonNode listed = api.get("/api/v1/refunds?limit=100", merchant.headers()).data().path("items");
        JsonNode inList = null;
        for (JsonNode item : listed) {
            if (item.path("refundId").asText().equals(refundId)) {
                inList = item;
            }
        }
        assertThat(inList).as("refund %s in the business's list", refundId).isNotNull();
        assertThat(inList.path("acquirerReference").asText()).isEqualTo(arn);
        assertThat(inList.path("processorReference").asText()).isEqualTo("sbx_" + refundId);
    }

    @Test
    void a_declined_refund_carries_the_failure_code_declined_beside_its_reason_and_no_acquirer_reference() {
        Merchant merchant = autoBusiness();
        String paymentId = completedPayment(merchant, "100.00");
        String refundId = refundId(merchant, paymentId, "20.13");

        JsonNode settled = settledRefund(merchant, paymentId, refundId);

        assertThat(settled.path("status").asText()).isEqualTo("FAILED");
        assertThat(settled.path("failureCode").asText()).isEqualTo("declined");
        assertThat(settled.path("failureReason").asText("")).isNotBlank();
        assertThat(settled.path("processorReference").asText()).as("the processor took it before declining")
                .isEqualTo("sbx_" + refundId);
        assertThat(settled.path("acquirerReference").isNull()).isTrue();
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** The refund once it has reached a final status; fails the test if it does not within the patience. */
    private JsonNode settledRefund(Merchant merchant, String paymentId, String refundId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode refund = refundOf(merchant, paymentId, refundId);
        while (!FINAL.contains(refund.path("status").asText()) && Instant.now().isBefore(deadline)) {
            pause();
            refund = refundOf(merchant, paymentId, refundId);
        }
        assertThat(refund.path("status").asText()).as("status of %s after %s", refundId, PATIENCE).isIn(FINAL);
        return refund;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
