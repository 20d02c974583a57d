package dev.refunds.domain.payment;

import dev.refunds.domain.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static dev.refunds.domain.payment.PaymentFixtures.AUTO_MULTIPLE;
import static dev.refunds.domain.payment.PaymentFixtures.FAILURE;
import static dev.refunds.domain.payment.PaymentFixtures.LATER;
import static dev.refunds.domain.payment.PaymentFixtures.MANUAL_MULTIPLE;
import static dev.refunds.domain.payment.PaymentFixtures.NOW;
import static dev.refunds.domain.payment.PaymentFixtures.bdt;
import static dev.refunds.domain.payment.PaymentFixtures.completed;
import static dev.refunds.domain.payment.PaymentFixtures.move;
import static dev.refunds.domain.payment.PaymentFixtures.refund;
import static dev.refunds.domain.payment.PaymentFixtures.refusalOf;
import static dev.refunds.domain.payment.PaymentFixtures.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Moving a refund through its statuses, and the payment's totals following it. */
class RefundMoveTest {

    private static final Money PAID = bdt("1000.00");

    @Test
    void a_refund_with_the_processor_still_reserves_its_amount() {
        RefundChange processing = move(refund(completed(PAID), bdt("400.00"), AUTO_MULTIPLE),
                RefundStatus.PROCESSING);

        assertThat(processing.refund().status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(processing.refund().updatedAt()).isEqualTo(LATER);
        assertThat(processing.payment().reserved()).isEqualTo(bdt("400.00"));
        assertThat(processing.payment().refundable()).isEqualTo(bdt("600.00"));
    }

    @Test
    void completing_a_partial_refund_leaves_the_payment_completed_with_more_refunded() {
        RefundChange done = move(refund(completed(PAID), bdt("400.00"), AUTO_MULTIPLE),
                RefundStatus.PROCESSING, RefundStatus.COMPLETED);

        assertThat(done.refund().status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(done.refund().completedAt()).contains(LATER);
        assertThat(done.refund().initiatedAt()).isEqualTo(NOW);
        assertThat(done.payment().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(done.payment().refunded()).isEqualTo(bdt("400.00"));
        assertThat(done.payment().reserved()).isEqualTo(bdt("0.00"));
        assertThat(done.payment().countingRefunds()).isEqualTo(1);
        assertThat(done.payment().refundable()).isEqualTo(bdt("600.00"));
    }

    @Test
    void completing_the_full_amount_makes_the_payment_refunded() {
        RefundChange done = move(refund(completed(PAID), PAID, AUTO_MULTIPLE),
                RefundStatus.PROCESSING, RefundStatus.COMPLETED);

        assertThat(done.payment().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(done.payment().refunded()).isEqualTo(PAID);
        assertThat(done.payment().refundable()).isEqualTo(bdt("0.00"));
    }

    @Test
    void the_payment_is_refunded_only_when_the_last_partial_refund_completes() {
        RefundChange first = refund(completed(PAID), bdt("300.00"), AUTO_MULTIPLE);
        RefundChange second = refund(first.payment(), bdt("700.00"), AUTO_MULTIPLE);
        RefundChange secondDone = move(second, RefundStatus.PROCESSING, RefundStatus.COMPLETED);
        RefundChange firstProcessing = secondDone.payment()
                .moveRefund(first.refund(), RefundStatus.PROCESSING, Optional.empty(), LATER).orElseThrow();

        assertThat(secondDone.payment().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(move(firstProcessing, RefundStatus.COMPLETED).payment().status())
                .isEqualTo(PaymentStatus.REFUNDED);
    }

    @ParameterizedTest(name = "PENDING_REVIEW then [{0}] releases the amount")
    @ValueSource(strings = {"REJECTED", "CANCELLED", "INITIATED,CANCELLED", "INITIATED,FAILED",
            "INITIATED,PROCESSING,FAILED"})
    void a_refund_that_ends_without_completing_releases_its_amount(String path) {
        RefundChange ended = move(refund(completed(PAID), bdt("400.00"), MANUAL_MULTIPLE), statuses(path));

        assertThat(ended.payment().reserved()).isEqualTo(bdt("0.00"));
        assertThat(ended.payment().refunded()).isEqualTo(bdt("0.00"));
        assertThat(ended.payment().countingRefunds()).isZero();
        assertThat(ended.payment().refundable()).isEqualTo(PAID);
        assertThat(ended.payment().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(ended.refund().completedAt()).isEmpty();
    }

    @Test
    void a_rejection_keeps_its_optional_reason_and_a_failure_its_required_one() {
        RefundChange inReview = refund(completed(PAID), bdt("400.00"), MANUAL_MULTIPLE);
        Refund rejected = inReview.payment()
                .moveRefund(inReview.refund(), RefundStatus.REJECTED, Optional.of("duplicate"), LATER)
                .orElseThrow().refund();
        Refund rejectedSilently = move(inReview, RefundStatus.REJECTED).refund();
        Refund failed = move(inReview, RefundStatus.INITIATED, RefundStatus.FAILED).refund();

        assertThat(rejected.rejectReason()).contains("duplicate");
        assertThat(rejected.failureReason()).isEmpty();
        assertThat(rejectedSilently.rejectReason()).isEmpty();
        assertThat(failed.failureReason()).contains(FAILURE);
        assertThat(failed.rejectReason()).isEmpty();
    }

    @Test
    void a_failure_without_its_reason_is_a_bug_of_the_caller() {
        RefundChange initiated = refund(completed(PAID), bdt("400.00"), AUTO_MULTIPLE);

        assertThatThrownBy(() -> initiated.payment()
                .moveRefund(initiated.refund(), RefundStatus.FAILED, Optional.empty(), LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "PENDING_REVIEW then [{0}] cannot become {1}")
    @CsvSource({
            "'INITIATED,PROCESSING', CANCELLED",
            "INITIATED, INITIATED",
            "'', PROCESSING",
            "'', COMPLETED",
            "'', FAILED",
            "REJECTED, INITIATED",
            "'INITIATED,CANCELLED', PROCESSING",
            "'INITIATED,PROCESSING,COMPLETED', FAILED",
            "'INITIATED,PROCESSING,FAILED', PROCESSING"})
    void an_illegal_move_is_refused_as_invalid_state_and_changes_nothing(String path, RefundStatus next) {
        RefundChange before = move(refund(completed(PAID), bdt("400.00"), MANUAL_MULTIPLE), statuses(path));

        Decision<RefundChange> moved = before.payment()
                .moveRefund(before.refund(), next, Optional.of(FAILURE), LATER);

        assertThat(refusalOf(moved).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusalOf(moved).message()).contains(next.name());
        assertThat(before.refund().status().name()).isEqualTo(path.isEmpty() ? "PENDING_REVIEW"
                : path.substring(path.lastIndexOf(',') + 1));
    }

    @Test
    void a_refund_of_another_payment_cannot_be_moved_here() {
        RefundChange elsewhere = refund(completed(PAID), bdt("400.00"), AUTO_MULTIPLE);
        Payment other = Payment.create(new PaymentId("PAY_20260517_OTHER00000"), 2, PaymentFixtures.BUSINESS, PAID,
                PaymentType.LINK, Optional.empty(), Optional.empty(), Metadata.EMPTY, NOW).complete(NOW).orElseThrow();

        assertThatThrownBy(() -> other.moveRefund(elsewhere.refund(), RefundStatus.PROCESSING, Optional.empty(),
                LATER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_review_names_its_operator_and_the_name_stays_through_settlement() {
        RefundChange inReview = refund(completed(PAID), bdt("400.00"), MANUAL_MULTIPLE);
        assertThat(inReview.refund().reviewedBy()).isEmpty();
        assertThatThrownBy(() -> inReview.refund().reviewedBy("Nadia"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("waiting for review");

        RefundChange approved = move(inReview, RefundStatus.INITIATED);
        RefundChange reviewed = new RefundChange(approved.payment(), approved.refund().reviewedBy("Nadia"));
        assertThatThrownBy(() -> approved.refund().reviewedBy(" ")).isInstanceOf(IllegalArgumentException.class);

        assertThat(move(reviewed, RefundStatus.PROCESSING, RefundStatus.COMPLETED).refund().reviewedBy())
                .contains("Nadia");
    }
}
