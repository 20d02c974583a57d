package dev.refunds.application.payment;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.RefusalCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.refunds.application.fakes.Decisions.acceptedValueOf;
import static dev.refunds.application.fakes.Decisions.refusalOf;
import static dev.refunds.application.fakes.FakeWorld.bdt;
import static org.assertj.core.api.Assertions.assertThat;

class ChangePaymentStatusServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final Business business = world.autoBusiness();
    private final Payment pending = world.pendingPayment(business, "500.00");

    @Test
    void completing_a_pending_payment_makes_it_completed_and_refundable() {
        Instant paidAt = world.clock.advance(Duration.ofMinutes(3));

        Payment completed = acceptedValueOf(world.changePaymentStatus.complete(business.id(), pending.id()));

        assertThat(completed.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(completed.completedAt()).contains(paidAt);
        assertThat(completed.refundable()).isEqualTo(bdt("500.00"));
        assertThat(world.storedPayment(pending)).isEqualTo(completed);
        assertThat(world.payments.locked()).contains(pending.id());
    }

    @Test
    void cancelling_a_pending_payment_makes_it_cancelled_and_never_paid() {
        Payment cancelled = acceptedValueOf(world.changePaymentStatus.cancel(business.id(), pending.id()));

        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(cancelled.completedAt()).isEmpty();
        assertThat(cancelled.refundable()).isEqualTo(bdt("0.00"));
        assertThat(world.storedPayment(pending)).isEqualTo(cancelled);
    }

    @Test
    void completing_another_business_s_payment_is_refused_as_not_found_and_changes_nothing() {
        Business other = world.autoBusiness();
        FakeWorld.State before = world.state();

        Decision<Payment> decision = world.changePaymentStatus.complete(other.id(), pending.id());

        assertThat(refusalOf(decision).code()).isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void cancelling_another_business_s_payment_is_refused_as_not_found_and_changes_nothing() {
        Business other = world.autoBusiness();
        FakeWorld.State before = world.state();

        Decision<Payment> decision = world.changePaymentStatus.cancel(other.id(), pending.id());

        assertThat(refusalOf(decision).code()).isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void an_unknown_payment_is_refused_as_not_found() {
        PaymentId unknown = new PaymentId("PAY_20260517_ZZZZZZZZZZ");

        assertThat(refusalOf(world.changePaymentStatus.complete(business.id(), unknown)).code())
                .isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
        assertThat(refusalOf(world.changePaymentStatus.cancel(business.id(), unknown)).code())
                .isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
    }

    @Test
    void completing_twice_is_an_invalid_state_and_keeps_the_first_completion_time() {
        Payment completed = world.complete(pending);
        world.clock.advance(Duration.ofHours(1));
        FakeWorld.State before = world.state();

        Decision<Payment> again = world.changePaymentStatus.complete(business.id(), pending.id());

        assertThat(refusalOf(again).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.storedPayment(pending).completedAt()).isEqualTo(completed.completedAt());
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void cancelling_twice_is_an_invalid_state() {
        world.changePaymentStatus.cancel(business.id(), pending.id()).orElseThrow();
        FakeWorld.State before = world.state();

        assertThat(refusalOf(world.changePaymentStatus.cancel(business.id(), pending.id())).code())
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void a_completed_payment_cannot_be_cancelled() {
        world.complete(pending);

        assertThat(refusalOf(world.changePaymentStatus.cancel(business.id(), pending.id())).code())
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.storedPayment(pending).status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void a_cancelled_payment_cannot_be_completed() {
        world.changePaymentStatus.cancel(business.id(), pending.id()).orElseThrow();

        assertThat(refusalOf(world.changePaymentStatus.complete(business.id(), pending.id())).code())
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.storedPayment(pending).status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void changing_one_payment_leaves_the_others_alone() {
        Payment other = world.pendingPayment(business, "20.00");

        world.complete(pending);

        assertThat(world.storedPayment(other)).isEqualTo(other);
    }
}
