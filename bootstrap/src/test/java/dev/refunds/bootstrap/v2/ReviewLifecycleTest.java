package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Api;
import dev.refunds.bootstrap.support.ApiResponse;
import dev.refunds.bootstrap.support.OnH2AndMariaDb;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's state diagram over HTTP for a SecPaid business (MANUAL + SINGLE): refundPayment makes a refund
 * request (Pending), an admin approves it (Approved) or rejects it (Rejected, with the reason), and refundStatus
 * shows each step with the v1 status behind it.
 */
@OnH2AndMariaDb
class ReviewLifecycleTest extends SecPaidContract {

    @Test
    void a_requested_refund_is_pending_until_an_admin_approves_it_and_then_approved() {
        Link link = paidLink(secPaidBusiness(), "49.99");

        ApiResponse requested = refundPayment(link.owner(), body(link.payIdText(), "49.99", "true"));
        assertRequested(requested, link, "49.99", "Pending");
        String refundId = requested.text("refund_id");
        assertRefundStatus(refundStatus(link), link, refundId, "49.99", "Pending", null);
        assertThat(v1Refund(link, refundId).path("status").asText()).isEqualTo("PENDING_REVIEW");

        approve(refundId);

        assertApprovedStatus(refundStatus(link), link, refundId, "49.99");
        assertThat(v1Refund(link, refundId).path("status").asText()).isIn("INITIATED", "PROCESSING", "COMPLETED");
    }

    @Test
    void a_requested_refund_that_an_admin_rejects_is_rejected_with_the_reason() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String refundId = requestedThroughV2(link, "20.00");
        assertRefundStatus(refundStatus(link), link, refundId, "20.00", "Pending", null);

        reject(refundId, "Outside the 30-day refund window");

        assertRefundStatus(refundStatus(link), link, refundId, "20.00", "Rejected",
                "Outside the 30-day refund window");
        assertThat(v1Refund(link, refundId).path("status").asText()).isEqualTo("REJECTED");
        assertThat(v1Refund(link, refundId).path("rejectReason").asText())
                .isEqualTo("Outside the 30-day refund window");
        assertThat(payment(link).path("refundableAmount").asText()).isEqualTo("49.99");
    }

    @Test
    void a_rejection_without_a_reason_is_rejected_with_a_null_reject_reason() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String refundId = requestedThroughV2(link, "20.00");

        reject(refundId, null);

        assertRefundStatus(refundStatus(link), link, refundId, "20.00", "Rejected", null);
    }

    @Test
    void after_a_rejection_the_link_may_be_asked_again_and_refund_status_shows_the_new_request() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String rejected = requestedThroughV2(link, "20.00");
        reject(rejected, "Wrong amount");

        ApiResponse again = refundPayment(link.owner(), body(link.payIdText(), "49.99", "true"));

        assertRequested(again, link, "49.99", "Pending");
        String second = again.text("refund_id");
        assertThat(second).isNotEqualTo(rejected);
        assertRefundStatus(refundStatus(link), link, second, "49.99", "Pending", null);
    }

    @Test
    void while_a_request_is_pending_a_second_one_is_refund_already_requested() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String refundId = requestedThroughV2(link, "20.00");

        assertSecPaidError(refundPayment(link, "10.00"), 409, ALREADY_REQUESTED);

        assertRefundStatus(refundStatus(link), link, refundId, "20.00", "Pending", null);
        assertThat(v1Refunds(link)).hasSize(1);
    }

    @Test
    void an_approved_request_still_counts_so_a_second_one_is_refund_already_requested() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String refundId = requestedThroughV2(link, "20.00");
        approve(refundId);

        assertSecPaidError(refundPayment(link, "10.00"), 409, ALREADY_REQUESTED);

        assertThat(v1Refunds(link)).hasSize(1);
    }

    @Test
    void a_request_cancelled_through_v1_is_cancelled_in_refund_status() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String refundId = requestedThroughV2(link, "20.00");

        cancelThroughV1(link, refundId);

        assertRefundStatus(refundStatus(link), link, refundId, "20.00", "Cancelled", null);
    }

    @Test
    void a_refund_of_a_business_without_review_is_approved_at_once() {
        Link link = paidLink(shadhinPayBusiness(), "49.99");

        ApiResponse requested = refundPayment(link, "20.00");

        assertRequested(requested, link, "20.00", "Approved");
        assertThat(v1Refund(link, requested.text("refund_id")).path("status").asText())
                .isIn("INITIATED", "PROCESSING", "COMPLETED");
    }

    @Test
    void approving_or_rejecting_a_refund_twice_is_refused_and_changes_nothing() {
        Link link = paidLink(secPaidBusiness(), "49.99");
        String refundId = requestedThroughV2(link, "20.00");
        reject(refundId, "No");

        ApiResponse approveAfter = api.post("/api/admin/refunds/" + refundId + "/approve", null,
                Api.admin());

        assertErrorEnvelope(approveAfter, 409);
        assertRefundStatus(refundStatus(link), link, refundId, "20.00", "Rejected", "No");
    }
}
