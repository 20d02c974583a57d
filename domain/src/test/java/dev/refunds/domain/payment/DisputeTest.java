package dev.refunds.domain.payment;

import dev.refunds.domain.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static dev.refunds.domain.payment.PaymentFixtures.AUTO_MULTIPLE;
import static dev.refunds.domain.payment.PaymentFixtures.BUSINESS;
import static dev.refunds.domain.payment.PaymentFixtures.LATER;
import static dev.refunds.domain.payment.PaymentFixtures.NOW;
import static dev.refunds.domain.payment.PaymentFixtures.bdt;
import static dev.refunds.domain.payment.PaymentFixtures.completed;
import static dev.refunds.domain.payment.PaymentFixtures.disputed;
import static dev.refunds.domain.payment.PaymentFixtures.move;
import static dev.refunds.domain.payment.PaymentFixtures.openDispute;
import static dev.refunds.domain.payment.PaymentFixtures.pending;
import static dev.refunds.domain.payment.PaymentFixtures.refund;
import static dev.refunds.domain.payment.PaymentFixtures.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening and closing a payment's dispute; what the dispute does to refunds is in {@link RefundRulesTest}. */
class DisputeTest {

    private static final Money PAID = bdt("1000.00");
    private static final DisputeId DISPUTE = new DisputeId("DSP_20260517_Z9Y8X7W6V5");

    @Test
    void a_dispute_opened_on_a_paid_payment_is_open_and_marks_the_payment_disputed() {
        DisputeChange change = completed(PAID).openDispute(DISPUTE, "never arrived", NOW).orElseThrow();

        Dispute dispute = change.dispute();
        assertThat(dispute.id()).isEqualTo(DISPUTE);
        assertThat(dispute.paymentId()).isEqualTo(change.payment().id());
        assertThat(dispute.businessId()).isEqualTo(BUSINESS);
        assertThat(dispute.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(dispute.reason()).isEqualTo("never arrived");
        assertThat(dispute.openedAt()).isEqualTo(NOW);
        assertThat(dispute.closedAt()).isEmpty();
        assertThat(change.payment().dispute()).contains(DisputeStatus.OPEN);
        assertThat(change.payment().isDisputed()).isTrue();
    }

    @Test
    void a_fully_refunded_payment_can_still_be_disputed() {
        Payment refunded = move(refund(completed(PAID), PAID, AUTO_MULTIPLE),
                RefundStatus.PROCESSING, RefundStatus.COMPLETED).payment();

        assertThat(openDispute(refunded).payment().isDisputed()).isTrue();
    }

    @Test
    void an_unpaid_payment_cannot_be_disputed() {
        Payment pending = pending(PAID, PaymentType.LINK);
        Payment cancelled = pending.cancel().orElseThrow();

        assertThat(refusalOf(pending.openDispute(DISPUTE, "why", NOW)).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusalOf(cancelled.openDispute(DISPUTE, "why", NOW)).code())
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @ParameterizedTest(name = "after a dispute that is {0}")
    @EnumSource(value = DisputeStatus.class, names = {"OPEN", "LOST"})
    void a_second_dispute_is_refused_while_one_is_open_or_after_one_was_lost(DisputeStatus earlier) {
        Payment payment = disputed(completed(PAID), earlier);

        assertThat(refusalOf(payment.openDispute(DISPUTE, "again", LATER)).code())
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void a_payment_can_be_disputed_again_after_a_won_dispute() {
        Payment payment = disputed(completed(PAID), DisputeStatus.WON);

        assertThat(payment.openDispute(DISPUTE, "again", LATER).orElseThrow().payment().isDisputed()).isTrue();
    }

    @ParameterizedTest(name = "closed as {0}")
    @EnumSource(value = DisputeStatus.class, names = {"WON", "LOST"})
    void closing_an_open_dispute_records_its_outcome_and_ends_the_block(DisputeStatus outcome) {
        DisputeChange opened = openDispute(completed(PAID));

        DisputeChange closed = opened.payment().closeDispute(opened.dispute(), outcome, LATER).orElseThrow();

        assertThat(closed.dispute().status()).isEqualTo(outcome);
        assertThat(closed.dispute().closedAt()).contains(LATER);
        assertThat(closed.dispute().openedAt()).isEqualTo(NOW);
        assertThat(closed.payment().dispute()).contains(outcome);
        assertThat(closed.payment().isDisputed()).isFalse();
        assertThat(closed.payment().refundable()).isEqualTo(outcome == DisputeStatus.WON ? PAID : bdt("0.00"));
    }

    @Test
    void a_closed_dispute_cannot_be_closed_again() {
        DisputeChange opened = openDispute(completed(PAID));
        DisputeChange won = opened.payment().closeDispute(opened.dispute(), DisputeStatus.WON, LATER).orElseThrow();

        assertThat(refusalOf(won.payment().closeDispute(won.dispute(), DisputeStatus.LOST, LATER)).code())
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(won.payment().dispute()).contains(DisputeStatus.WON);
    }

    @Test
    void closing_as_open_or_closing_another_payments_dispute_is_a_bug_of_the_caller() {
        DisputeChange opened = openDispute(completed(PAID));
        Dispute elsewhere = new Dispute(DISPUTE, new PaymentId("PAY_20260517_OTHER00000"), BUSINESS,
                DisputeStatus.OPEN, "never arrived", NOW, Optional.empty());

        assertThatThrownBy(() -> opened.payment().closeDispute(opened.dispute(), DisputeStatus.OPEN, LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> opened.payment().closeDispute(elsewhere, DisputeStatus.WON, LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_dispute_needs_a_reason_of_at_most_500_characters() {
        Payment payment = completed(PAID);

        assertThat(payment.openDispute(DISPUTE, "x".repeat(Dispute.REASON_LENGTH_MAX), NOW).isAccepted()).isTrue();
        assertThatThrownBy(() -> payment.openDispute(DISPUTE, " ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> payment.openDispute(DISPUTE, "x".repeat(Dispute.REASON_LENGTH_MAX + 1), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "a refund in flight completes after the dispute is {0}")
    @EnumSource(DisputeStatus.class)
    void refunds_already_in_flight_go_on_whatever_the_dispute(DisputeStatus dispute) {
        RefundChange inFlight = refund(completed(PAID), bdt("400.00"), AUTO_MULTIPLE);
        Payment disputed = disputed(inFlight.payment(), dispute);

        RefundChange done = move(new RefundChange(disputed, inFlight.refund()),
                RefundStatus.PROCESSING, RefundStatus.COMPLETED);

        assertThat(done.payment().refunded()).isEqualTo(bdt("400.00"));
        assertThat(done.payment().dispute()).contains(dispute);
    }
}
