package dev.refunds.domain.payment;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.refunds.domain.payment.PaymentFixtures.AUTO_MULTIPLE;
import static dev.refunds.domain.payment.PaymentFixtures.AUTO_SINGLE;
import static dev.refunds.domain.payment.PaymentFixtures.LATER;
import static dev.refunds.domain.payment.PaymentFixtures.bdt;
import static dev.refunds.domain.payment.PaymentFixtures.completed;
import static dev.refunds.domain.payment.PaymentFixtures.move;
import static dev.refunds.domain.payment.PaymentFixtures.refund;
import static dev.refunds.domain.payment.PaymentFixtures.request;
import static dev.refunds.domain.payment.PaymentFixtures.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A completed refund that comes back: it stops counting and its amount is refundable again. */
class ReverseRefundTest {
    private static final Reversal CARD_CLOSED = new Reversal(FailureCode.CARD_CLOSED, "customer's card was closed");

    @Test
    void a_reversed_full_refund_puts_a_refunded_payment_back_to_completed_with_everything_refundable() {
        RefundChange paid = move(refund(completed(bdt("300.00")), bdt("300.00"), AUTO_MULTIPLE),
                statuses("PROCESSING,COMPLETED"));
        assertThat(paid.payment().status()).isEqualTo(PaymentStatus.REFUNDED);

        RefundChange reversed = paid.payment().reverseRefund(CompletedRefund.of(paid.refund()).orElseThrow(),
                CARD_CLOSED, LATER.plusSeconds(5));

        Refund refund = reversed.refund();
        assertThat(refund.status()).isEqualTo(RefundStatus.REVERSED);
        assertThat(refund.reversedAt()).contains(LATER.plusSeconds(5));
        assertThat(refund.completedAt()).as("it did complete once").isEqualTo(paid.refund().completedAt());
        assertThat(refund.failureCode()).contains(FailureCode.CARD_CLOSED);
        assertThat(refund.failureReason()).contains("customer's card was closed");
        Payment payment = reversed.payment();
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.refunded()).isEqualTo(bdt("0.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("300.00"));
        assertThat(payment.requestRefund(request(bdt("300.00")), AUTO_MULTIPLE, LATER).isAccepted())
                .as("the same amount can be refunded again").isTrue();
    }

    @Test
    void a_reversed_partial_refund_lowers_the_refund_total_only_by_its_own_amount() {
        RefundChange first = move(refund(completed(bdt("500.00")), bdt("100.00"), AUTO_MULTIPLE),
                statuses("PROCESSING,COMPLETED"));
        RefundChange second = move(refund(first.payment(), bdt("150.00"), AUTO_MULTIPLE),
                statuses("PROCESSING,COMPLETED"));

        RefundChange reversed = second.payment().reverseRefund(CompletedRefund.of(first.refund()).orElseThrow(),
                CARD_CLOSED, LATER);

        assertThat(reversed.payment().refunded()).isEqualTo(bdt("150.00"));
        assertThat(reversed.payment().refundable()).isEqualTo(bdt("350.00"));
        assertThat(reversed.payment().status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void under_a_single_refund_policy_a_reversed_refund_no_longer_counts() {
        RefundChange paid = move(refund(completed(bdt("80.00")), bdt("80.00"), AUTO_SINGLE),
                statuses("PROCESSING,COMPLETED"));
        Payment after = paid.payment().reverseRefund(CompletedRefund.of(paid.refund()).orElseThrow(), CARD_CLOSED,
                LATER).payment();

        assertThat(after.countingRefunds()).isZero();
        assertThat(after.requestRefund(request(bdt("80.00")), AUTO_SINGLE, LATER).isAccepted()).isTrue();
    }

    @Test
    void only_a_completed_refund_can_be_named_for_a_reversal() {
        RefundChange initiated = refund(completed(bdt("80.00")), bdt("20.00"), AUTO_MULTIPLE);
        for (String path : new String[]{"", "PROCESSING", "FAILED", "CANCELLED"}) {
            RefundChange at = path.isEmpty() ? initiated : move(initiated, statuses(path));
            assertThat(CompletedRefund.of(at.refund())).as(at.refund().status().name()).isEmpty();
        }
        RefundChange paid = move(initiated, statuses("PROCESSING,COMPLETED"));
        RefundChange reversed = paid.payment().reverseRefund(CompletedRefund.of(paid.refund()).orElseThrow(),
                CARD_CLOSED, LATER);
        assertThat(CompletedRefund.of(reversed.refund())).as("a reversal happens once").isEmpty();
    }

    @Test
    void a_reversal_is_not_a_plain_move() {
        RefundChange paid = move(refund(completed(bdt("80.00")), bdt("20.00"), AUTO_MULTIPLE),
                statuses("PROCESSING,COMPLETED"));

        assertThatThrownBy(() -> paid.payment().moveRefund(paid.refund(), RefundStatus.REVERSED,
                Optional.of("card closed"), LATER)).isInstanceOf(IllegalArgumentException.class);
    }
}
