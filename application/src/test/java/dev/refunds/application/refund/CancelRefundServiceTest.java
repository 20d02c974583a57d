package dev.refunds.application.refund;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.view.PaymentView;
import dev.refunds.application.view.RefundEvent;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.RefusalCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.refunds.application.fakes.FakeWorld.REVIEWER;
import static dev.refunds.application.fakes.Decisions.acceptedValueOf;
import static dev.refunds.application.fakes.Decisions.refusalOf;
import static dev.refunds.application.fakes.FakeWorld.bdt;
import static org.assertj.core.api.Assertions.assertThat;

class CancelRefundServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final Business shop = world.autoBusiness();
    private final Payment paid = world.completedPayment(shop, "500.00");

    private Decision<RefundChange> cancel(Refund refund) {
        return world.cancelRefund.cancel(refund.businessId(), refund.paymentId(), refund.id());
    }

    private RefusalCode refusedWithoutChange(Business business, Payment payment, RefundId refundId) {
        FakeWorld.State before = world.state();
        RefusalCode code = refusalOf(world.cancelRefund.cancel(business.id(), payment.id(), refundId)).code();
        assertThat(world.state()).isEqualTo(before);
        return code;
    }

    @Test
    void cancelling_an_initiated_refund_releases_its_amount_and_announces_refund_cancelled() {
        Refund refund = world.refund(shop, paid, "200.00");
        Instant now = world.clock.advance(Duration.ofMinutes(1));

        RefundChange change = acceptedValueOf(cancel(refund));

        Refund cancelled = world.storedRefund(refund);
        assertThat(cancelled).isEqualTo(change.refund());
        assertThat(cancelled.status()).isEqualTo(RefundStatus.CANCELLED);
        assertThat(cancelled.initiatedAt()).isEqualTo(refund.initiatedAt());
        assertThat(cancelled.updatedAt()).isEqualTo(now);
        Payment payment = world.storedPayment(paid);
        assertThat(payment).isEqualTo(change.payment());
        assertThat(payment.reserved()).isEqualTo(bdt("0.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("500.00"));
        assertThat(payment.countingRefunds()).isZero();

        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_CANCELLED);
        RefundEvent event = world.outbox.last();
        assertThat(event.type().wireName()).isEqualTo("refund.cancelled");
        assertThat(event.occurredAt()).isEqualTo(now);
        assertThat(event.businessId()).isEqualTo(shop.id());
        assertThat(event.refund()).isEqualTo(RefundView.of(cancelled));
        assertThat(event.payment()).isEqualTo(PaymentView.of(payment));
        assertThat(event.payment().refundableAmount()).isEqualTo("500.00");
    }

    @Test
    void a_refund_waiting_for_review_can_be_cancelled() {
        Business manual = world.manualBusiness();
        Payment payment = world.completedPayment(manual, "80.00");
        Refund refund = world.refund(manual, payment, "80.00");

        assertThat(acceptedValueOf(cancel(refund)).refund().status()).isEqualTo(RefundStatus.CANCELLED);
        assertThat(world.storedPayment(payment).refundable()).isEqualTo(bdt("80.00"));
    }

    @Test
    void cancelling_one_refund_keeps_the_others_reserved() {
        Refund first = world.refund(shop, paid, "100.00");
        Refund second = world.refund(shop, paid, "50.00");

        cancel(first).orElseThrow();

        assertThat(world.storedRefund(second)).isEqualTo(second);
        assertThat(world.storedPayment(paid).reserved()).isEqualTo(bdt("50.00"));
        assertThat(world.storedPayment(paid).refundable()).isEqualTo(bdt("450.00"));
    }

    @Test
    void a_refund_already_with_the_processor_cannot_be_cancelled() {
        Refund refund = world.refund(shop, paid, "100.00");
        world.move(refund, RefundStatus.PROCESSING, Optional.empty()).orElseThrow();

        assertThat(refusedWithoutChange(shop, paid, refund.id())).isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void cancelling_twice_is_an_invalid_state() {
        Refund refund = world.refund(shop, paid, "100.00");
        cancel(refund).orElseThrow();

        assertThat(refusedWithoutChange(shop, paid, refund.id())).isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void a_completed_or_failed_refund_cannot_be_cancelled() {
        Refund completed = world.settle(world.refund(shop, paid, "100.00"));
        Refund failed = world.refund(shop, paid, "100.00");
        world.move(failed, RefundStatus.FAILED, Optional.of("card closed")).orElseThrow();

        assertThat(refusedWithoutChange(shop, paid, completed.id())).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusedWithoutChange(shop, paid, failed.id())).isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void a_rejected_refund_cannot_be_cancelled() {
        Business manual = world.manualBusiness();
        Payment payment = world.completedPayment(manual, "80.00");
        Refund refund = world.refund(manual, payment, "10.00");
        world.reviewRefund.reject(refund.id(), Optional.empty(), REVIEWER).orElseThrow();

        assertThat(refusedWithoutChange(manual, payment, refund.id())).isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void another_business_s_refund_is_not_found_and_changes_nothing() {
        Refund refund = world.refund(shop, paid, "100.00");
        Business other = world.autoBusiness();

        assertThat(refusedWithoutChange(other, paid, refund.id())).isEqualTo(RefusalCode.REFUND_NOT_FOUND);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.INITIATED);
    }

    @Test
    void a_refund_named_under_another_payment_is_not_found_and_changes_nothing() {
        Refund refund = world.refund(shop, paid, "100.00");
        Payment otherPayment = world.completedPayment(shop, "20.00");

        assertThat(refusedWithoutChange(shop, otherPayment, refund.id())).isEqualTo(RefusalCode.REFUND_NOT_FOUND);
    }

    @Test
    void an_unknown_refund_is_not_found() {
        assertThat(refusedWithoutChange(shop, paid, new RefundId("REF_20260517_0000000999")))
                .isEqualTo(RefusalCode.REFUND_NOT_FOUND);
    }

    @Test
    void a_single_refund_business_may_ask_again_after_cancelling() {
        Business single = world.business(RefundPolicy.of(ReviewMode.AUTO, RefundMode.SINGLE));
        Payment payment = world.completedPayment(single, "100.00");
        Refund first = world.refund(single, payment, "40.00");

        cancel(first).orElseThrow();

        assertThat(world.refund(single, payment, "100.00").status()).isEqualTo(RefundStatus.INITIATED);
    }

    @Test
    void a_refund_sent_to_the_processor_while_the_merchant_cancels_is_refused_as_an_invalid_state() {
        Refund refund = world.refund(shop, paid, "100.00");
        world.payments.beforeNextLock(
                () -> world.move(refund, RefundStatus.PROCESSING, Optional.empty()).orElseThrow());

        Decision<RefundChange> decision = cancel(refund);

        assertThat(refusalOf(decision).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(world.storedPayment(paid).reserved()).isEqualTo(bdt("100.00"));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING);
    }
}
