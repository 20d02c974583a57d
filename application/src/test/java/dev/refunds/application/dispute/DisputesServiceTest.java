package dev.refunds.application.dispute;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.view.PaymentView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeChange;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.RefusalCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static dev.refunds.application.fakes.Decisions.acceptedValueOf;
import static dev.refunds.application.fakes.Decisions.refusalOf;
import static dev.refunds.application.fakes.FakeWorld.bdt;
import static dev.refunds.application.fakes.FakeWorld.refundCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisputesServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final Business shop = world.autoBusiness();
    private final Payment paid = world.completedPayment(shop, "500.00");

    private Dispute open(Payment payment) {
        return acceptedValueOf(world.disputesService.open(payment.id(), "item never arrived")).dispute();
    }

    private RefusalCode refusedWithoutChange(Supplier<Decision<DisputeChange>> action) {
        FakeWorld.State before = world.state();
        RefusalCode code = refusalOf(action.get()).code();
        assertThat(world.state()).isEqualTo(before);
        return code;
    }

    private RefusalCode refundRefusal(Payment payment, String amount) {
        FakeWorld.State before = world.state();
        RefusalCode code = refusalOf(world.requestRefund.handle(refundCommand(shop, payment, amount))).code();
        assertThat(world.state()).isEqualTo(before);
        return code;
    }

    @Test
    void opening_a_dispute_on_a_completed_payment_stores_it_open_and_marks_the_payment_disputed() {
        Instant now = world.clock.advance(Duration.ofDays(2));

        DisputeChange change = acceptedValueOf(world.disputesService.open(paid.id(), "item never arrived"));

        Dispute dispute = change.dispute();
        assertThat(dispute.id().value()).matches("DSP_20260519_[0-9A-Z]{10}");
        assertThat(dispute.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(dispute.paymentId()).isEqualTo(paid.id());
        assertThat(dispute.businessId()).isEqualTo(shop.id());
        assertThat(dispute.reason()).isEqualTo("item never arrived");
        assertThat(dispute.openedAt()).isEqualTo(now);
        assertThat(dispute.closedAt()).isEmpty();
        assertThat(world.disputes.findById(dispute.id())).contains(dispute);
        Payment payment = world.storedPayment(paid);
        assertThat(payment).isEqualTo(change.payment());
        assertThat(payment.isDisputed()).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(PaymentView.of(payment).disputed()).isTrue();
        assertThat(world.payments.locked()).last().isEqualTo(paid.id());
        assertThat(world.outbox.events()).isEmpty();
    }

    @Test
    void while_a_dispute_is_open_new_refunds_are_refused_and_change_nothing() {
        open(paid);

        assertThat(refundRefusal(paid, "10.00")).isEqualTo(RefusalCode.REFUND_BLOCKED_BY_DISPUTE);
    }

    @Test
    void refunds_already_in_flight_go_on_while_a_dispute_is_open() {
        Refund inFlight = world.refund(shop, paid, "100.00");
        open(paid);

        Refund completed = world.settle(inFlight);

        assertThat(completed.status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(world.storedPayment(paid).refunded()).isEqualTo(bdt("100.00"));
        assertThat(world.storedPayment(paid).isDisputed()).isTrue();
    }

    @Test
    void a_dispute_won_lifts_the_block() {
        Dispute dispute = open(paid);
        Instant now = world.clock.advance(Duration.ofDays(10));

        DisputeChange change = acceptedValueOf(world.disputesService.close(dispute.id(), DisputeStatus.WON));

        assertThat(change.dispute().status()).isEqualTo(DisputeStatus.WON);
        assertThat(change.dispute().closedAt()).contains(now);
        assertThat(world.disputes.findById(dispute.id())).contains(change.dispute());
        Payment payment = world.storedPayment(paid);
        assertThat(payment.isDisputed()).isFalse();
        assertThat(payment.refundable()).isEqualTo(bdt("500.00"));
        assertThat(world.refund(shop, paid, "10.00").status()).isEqualTo(RefundStatus.INITIATED);
    }

    @Test
    void a_dispute_lost_charges_the_payment_back_for_good() {
        Refund inFlight = world.refund(shop, paid, "100.00");
        Dispute dispute = open(paid);

        DisputeChange change = acceptedValueOf(world.disputesService.close(dispute.id(), DisputeStatus.LOST));

        assertThat(change.dispute().status()).isEqualTo(DisputeStatus.LOST);
        Payment payment = world.storedPayment(paid);
        assertThat(payment.refundable()).isEqualTo(bdt("0.00"));
        assertThat(payment.isDisputed()).isFalse();
        assertThat(PaymentView.of(payment).refundableAmount()).isEqualTo("0.00");
        assertThat(refundRefusal(paid, "10.00")).isEqualTo(RefusalCode.PAYMENT_CHARGED_BACK);

        world.cancelRefund.cancel(shop.id(), paid.id(), inFlight.id()).orElseThrow();
        assertThat(world.storedPayment(paid).refundable()).isEqualTo(bdt("0.00"));
        assertThat(refundRefusal(paid, "10.00")).isEqualTo(RefusalCode.PAYMENT_CHARGED_BACK);
    }

    @Test
    void closing_a_dispute_twice_is_an_invalid_state() {
        Dispute won = open(paid);
        world.disputesService.close(won.id(), DisputeStatus.WON).orElseThrow();

        assertThat(refusedWithoutChange(() -> world.disputesService.close(won.id(), DisputeStatus.LOST)))
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusedWithoutChange(() -> world.disputesService.close(won.id(), DisputeStatus.WON)))
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void a_lost_dispute_cannot_be_won_afterwards() {
        Dispute lost = open(paid);
        world.disputesService.close(lost.id(), DisputeStatus.LOST).orElseThrow();

        assertThat(refusedWithoutChange(() -> world.disputesService.close(lost.id(), DisputeStatus.WON)))
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refundRefusal(paid, "10.00")).isEqualTo(RefusalCode.PAYMENT_CHARGED_BACK);
    }

    @Test
    void an_unknown_dispute_is_not_found() {
        assertThat(refusedWithoutChange(() -> world.disputesService.close(
                new DisputeId("DSP_20260517_0000000999"), DisputeStatus.WON)))
                .isEqualTo(RefusalCode.DISPUTE_NOT_FOUND);
    }

    @Test
    void a_dispute_on_an_unknown_payment_is_not_found() {
        assertThat(refusedWithoutChange(() -> world.disputesService.open(
                new PaymentId("PAY_20260517_0000000999"), "fraud")))
                .isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
    }

    @Test
    void an_unpaid_or_cancelled_payment_cannot_be_disputed() {
        Payment pending = world.pendingPayment(shop, "10.00");
        Payment cancelled = world.pendingPayment(shop, "10.00");
        world.changePaymentStatus.cancel(shop.id(), cancelled.id()).orElseThrow();

        assertThat(refusedWithoutChange(() -> world.disputesService.open(pending.id(), "fraud")))
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusedWithoutChange(() -> world.disputesService.open(cancelled.id(), "fraud")))
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void a_fully_refunded_payment_can_still_be_disputed() {
        world.settle(world.refund(shop, paid, "500.00"));

        Dispute dispute = open(paid);

        assertThat(dispute.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(world.storedPayment(paid).status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void a_second_dispute_while_one_is_open_is_an_invalid_state() {
        open(paid);

        assertThat(refusedWithoutChange(() -> world.disputesService.open(paid.id(), "again")))
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void a_payment_may_be_disputed_again_after_a_won_dispute_but_not_after_a_lost_one() {
        Dispute first = open(paid);
        world.disputesService.close(first.id(), DisputeStatus.WON).orElseThrow();
        Dispute second = open(paid);
        world.disputesService.close(second.id(), DisputeStatus.LOST).orElseThrow();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(refusedWithoutChange(() -> world.disputesService.open(paid.id(), "third time")))
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void closing_an_old_dispute_again_leaves_the_newer_open_one_alone() {
        Dispute first = open(paid);
        world.disputesService.close(first.id(), DisputeStatus.WON).orElseThrow();
        Dispute second = open(paid);

        assertThat(refusedWithoutChange(() -> world.disputesService.close(first.id(), DisputeStatus.LOST)))
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.disputes.findById(second.id()).orElseThrow().status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(world.storedPayment(paid).isDisputed()).isTrue();
    }

    @Test
    void an_admin_disputes_and_closes_any_business_s_payment() {
        Business other = world.manualBusiness();
        Payment theirs = world.completedPayment(other, "40.00");

        Dispute dispute = open(theirs);
        world.disputesService.close(dispute.id(), DisputeStatus.WON).orElseThrow();

        assertThat(dispute.businessId()).isEqualTo(other.id());
        assertThat(world.disputes.findById(dispute.id()).orElseThrow().status()).isEqualTo(DisputeStatus.WON);
        assertThat(world.storedPayment(paid).dispute()).isEmpty();
    }

    @Test
    void closing_as_open_is_a_programming_error_that_changes_nothing() {
        Dispute dispute = open(paid);
        FakeWorld.State before = world.state();

        assertThatThrownBy(() -> world.disputesService.close(dispute.id(), DisputeStatus.OPEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void a_blank_or_oversized_reason_is_refused_before_anything_is_stored() {
        FakeWorld.State before = world.state();

        assertThatThrownBy(() -> world.disputesService.open(paid.id(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.disputesService.open(paid.id(), "r".repeat(Dispute.REASON_LENGTH_MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(world.state()).isEqualTo(before);
        assertThat(open(paid).status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(world.storedPayment(paid).isDisputed()).isTrue();
    }

    @Test
    void a_dispute_closed_by_another_admin_meanwhile_is_not_closed_again() {
        Dispute dispute = open(paid);
        world.payments.beforeNextLock(
                () -> world.disputesService.close(dispute.id(), DisputeStatus.WON).orElseThrow());

        Decision<DisputeChange> late = world.disputesService.close(dispute.id(), DisputeStatus.LOST);

        assertThat(refusalOf(late).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.disputes.findById(dispute.id()).orElseThrow().status()).isEqualTo(DisputeStatus.WON);
        assertThat(world.storedPayment(paid).dispute()).contains(DisputeStatus.WON);
        assertThat(world.refund(shop, paid, "10.00").status()).isEqualTo(RefundStatus.INITIATED);
    }
}
