package dev.refunds.bootstrap.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.Merchant;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of the seed's state diagram ("Approved → Refunded: Refund processed") with the settlement worker on and
 * the sandbox processor settling at once: an approved refund becomes Completed (or Failed, for the sandbox's
 * failing amounts), and what that leaves of the link decides the next refundPayment.
 */
@OnH2AndMariaDb
class RefundSettlementTest extends SecPaidContract {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Override
    Map<String, Object> settings() {
        return Map.of("refunds.settlement.enabled", "true", "refunds.sandbox.settle-delay", "0s");
    }

    @Test
    void a_full_refund_goes_pending_approved_completed_and_the_link_is_refunded() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        ApiResponse requested = refundPayment(link.owner(), body(link.payIdText(), "49.99", "true"));
        assertRequested(requested, link, "49.99", "Pending");
        String refundId = requested.text("refund_id");
        assertRefundStatus(refundStatus(link), link, refundId, "49.99", "Pending", null);

        approve(refundId);

        assertRefundStatus(awaitStatus(link, "Completed"), link, refundId, "49.99", "Completed", null);
        JsonNode v1 = v1Refund(link, refundId);
        assertThat(v1.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(v1.path("completedAt").isNull()).isFalse();
        JsonNode payment = payment(link);
        assertThat(payment.path("status").asText()).isEqualTo("REFUNDED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("49.99");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("0.00");
    }

    @Test
    void a_partial_refund_completes_and_leaves_the_link_paid_with_the_rest_refundable() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String refundId = requestedThroughV2(link, "20.00");

        approve(refundId);

        assertRefundStatus(awaitStatus(link, "Completed"), link, refundId, "20.00", "Completed", null);
        JsonNode payment = payment(link);
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment.path("refundTotal").asText()).isEqualTo("20.00");
        assertThat(payment.path("refundableAmount").asText()).isEqualTo("29.99");
    }

    @Test
    void a_completed_refund_still_counts_for_a_single_business_so_the_next_request_is_already_requested() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        approve(requestedThroughV2(link, "20.00"));
        awaitStatus(link, "Completed");

        assertSecPaidError(refundPayment(link, "10.00"), 409, ALREADY_REQUESTED);
        assertThat(v1Refunds(link)).hasSize(1);
    }

    @Test
    void a_refund_the_processor_declines_is_failed_and_frees_the_link_for_a_new_request() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String refundId = requestedThroughV2(link, "10.13");

        approve(refundId);

        assertRefundStatus(awaitStatus(link, "Failed"), link, refundId, "10.13", "Failed", null);
        JsonNode v1 = v1Refund(link, refundId);
        assertThat(v1.path("status").asText()).isEqualTo("FAILED");
        assertThat(v1.path("failureReason").asText()).isNotBlank();
        assertThat(payment(link).path("refundableAmount").asText()).isEqualTo("49.99");

        ApiResponse again = refundPayment(link, "20.00");
        assertRequested(again, link, "20.00", "Pending");
        assertRefundStatus(refundStatus(link), link, again.text("refund_id"), "20.00", "Pending", null);
    }

    @Test
    void a_refund_of_a_business_without_review_goes_approved_then_completed_with_no_admin() {
        Link link = paidLink(shadhinPayBusiness(), "49.99");

        ApiResponse requested = refundPayment(link, "49.99");

        assertRequested(requested, link, "49.99", "Approved");
        assertRefundStatus(awaitStatus(link, "Completed"), link, requested.text("refund_id"), "49.99", "Completed",
                null);
        assertThat(payment(link).path("status").asText()).isEqualTo("REFUNDED");
    }

    // ---- a REFUNDED link and the table ----------------------------------------------------------------------

    @Test
    void a_refunded_link_of_a_multiple_business_is_an_invalid_refund_amount_whatever_the_amount() {
        Link link = refundedLink(shadhinPayBusiness());

        assertSecPaidError(refundPayment(link, "10.00"), 422, INVALID_AMOUNT);
        assertSecPaidError(refundPayment(link.owner(), body(link.payIdText(), "49.99", "true")), 422,
                INVALID_AMOUNT);
        assertSecPaidError(refundPayment(link, "0.001"), 422, INVALID_AMOUNT);
        assertSecPaidError(refundPayment(link, "0"), 400, AMOUNT_REQUIRED);
        assertThat(v1Refunds(link)).hasSize(1);
    }

    @Test
    void a_refunded_link_of_a_single_business_is_refund_already_requested_before_the_amount() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        approve(requestedThroughV2(link, "49.99"));
        awaitStatus(link, "Completed");
        assertThat(payment(link).path("status").asText()).isEqualTo("REFUNDED");

        assertSecPaidError(refundPayment(link, "10.00"), 409, ALREADY_REQUESTED);
        assertSecPaidError(refundPayment(link, "1e1"), 409, ALREADY_REQUESTED);
        assertSecPaidError(refundPayment(link, "-1"), 400, AMOUNT_REQUIRED);
        assertSecPaidError(refundPayment(secPaidBusiness(), body(link, "10.00")), 404, LINK_NOT_FOUND);
    }

    @Test
    void a_refunded_link_with_an_open_dispute_is_blocked_by_dispute_before_the_amount() {
        Link link = refundedLink(shadhinPayBusiness());
        openDispute(link);

        assertSecPaidError(refundPayment(link, "10.00"), 409, BLOCKED_BY_DISPUTE);
        assertSecPaidError(refundPayment(link, "0.001"), 409, BLOCKED_BY_DISPUTE);
    }

    /** A ShadhinPay link refunded in full through v2 and settled: {@code REFUNDED}. */
    private Link refundedLink(Merchant shadhinPay) {
        Link link = paidLink(shadhinPay, "49.99");
        requestedThroughV2(link, "49.99");
        awaitStatus(link, "Completed");
        assertThat(payment(link).path("status").asText()).isEqualTo("REFUNDED");
        return link;
    }

    /** refundStatus of the link, asked again until it shows {@code status} (at most {@link #PATIENCE}). */
    private ApiResponse awaitStatus(Link link, String status) {
        Instant deadline = Instant.now().plus(PATIENCE);
        ApiResponse last = refundStatus(link);
        while (!status.equals(statusOf(last)) && Instant.now().isBefore(deadline)) {
            sleep();
            last = refundStatus(link);
        }
        assertThat(statusOf(last)).as("refundStatus of %s within %s: %s", link, PATIENCE, last).isEqualTo(status);
        return last;
    }

    private static String statusOf(ApiResponse response) {
        return response.status() == 200 ? response.text("status") : null;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
