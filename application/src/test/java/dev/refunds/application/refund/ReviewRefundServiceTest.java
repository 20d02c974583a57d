package dev.refunds.application.refund;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.view.PaymentView;
import dev.refunds.application.view.RefundEvent;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.business.Business;
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
import java.util.function.Supplier;

import static dev.refunds.application.fakes.FakeWorld.REVIEWER;
import static dev.refunds.application.fakes.Decisions.acceptedValueOf;
import static dev.refunds.application.fakes.Decisions.refusalOf;
import static dev.refunds.application.fakes.FakeWorld.bdt;
import static dev.refunds.application.fakes.FakeWorld.refundCommand;
import static org.assertj.core.api.Assertions.assertThat;

class ReviewRefundServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final Business secPaid = world.secPaidBusiness();
    private final Payment paid = world.completedPayment(secPaid, "500.00");
    private final Refund waiting = world.refund(secPaid, paid, "200.00");

    private RefusalCode refusedWithoutChange(Supplier<Decision<RefundChange>> review) {
        FakeWorld.State before = world.state();
        RefusalCode code = refusalOf(review.get()).code();
        assertThat(world.state()).isEqualTo(before);
        return code;
    }

    @Test
    void the_refund_starts_waiting_for_review() {
        assertThat(waiting.status()).isEqualTo(RefundStatus.PENDING_REVIEW);
        assertThat(waiting.reviewedBy()).isEmpty();
        assertThat(RefundView.of(waiting).reviewedBy()).isNull();
    }

    @Test
    void approving_sends_the_refund_on_as_initiated_and_announces_refund_approved() {
        Instant now = world.clock.advance(Duration.ofMinutes(5));

        RefundChange change = acceptedValueOf(world.reviewRefund.approve(waiting.id(), REVIEWER));

        Refund approved = world.storedRefund(waiting);
        assertThat(approved).isEqualTo(change.refund());
        assertThat(approved.status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(approved.updatedAt()).isEqualTo(now);
        assertThat(approved.rejectReason()).isEmpty();
        assertThat(approved.reviewedBy()).contains(REVIEWER);
        Payment payment = world.storedPayment(paid);
        assertThat(payment.reserved()).isEqualTo(bdt("200.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("300.00"));
        assertThat(world.payments.locked()).last().isEqualTo(paid.id());

        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_APPROVED);
        RefundEvent event = world.outbox.last();
        assertThat(event.type().wireName()).isEqualTo("refund.approved");
        assertThat(event.occurredAt()).isEqualTo(now);
        assertThat(event.businessId()).isEqualTo(secPaid.id());
        assertThat(event.refund()).isEqualTo(RefundView.of(approved));
        assertThat(event.refund().reviewedBy()).isEqualTo(REVIEWER);
        assertThat(event.payment()).isEqualTo(PaymentView.of(payment));
    }

    @Test
    void rejecting_with_a_reason_records_it_releases_the_amount_and_announces_refund_rejected() {
        Instant now = world.clock.advance(Duration.ofMinutes(5));

        RefundChange change = acceptedValueOf(
                world.reviewRefund.reject(waiting.id(), Optional.of("duplicate"), REVIEWER));

        Refund rejected = world.storedRefund(waiting);
        assertThat(rejected).isEqualTo(change.refund());
        assertThat(rejected.status()).isEqualTo(RefundStatus.REJECTED);
        assertThat(rejected.rejectReason()).contains("duplicate");
        assertThat(rejected.reviewedBy()).contains(REVIEWER);
        Payment payment = world.storedPayment(paid);
        assertThat(payment.reserved()).isEqualTo(bdt("0.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("500.00"));
        assertThat(payment.countingRefunds()).isZero();

        RefundEvent event = world.outbox.last();
        assertThat(event.type()).isEqualTo(RefundEventType.REFUND_REJECTED);
        assertThat(event.type().wireName()).isEqualTo("refund.rejected");
        assertThat(event.occurredAt()).isEqualTo(now);
        assertThat(event.refund().rejectReason()).isEqualTo("duplicate");
        assertThat(event.refund().status()).isEqualTo("REJECTED");
        assertThat(event.refund().reviewedBy()).isEqualTo(REVIEWER);
        assertThat(event.payment().refundableAmount()).isEqualTo("500.00");
        assertThat(world.outbox.events()).hasSize(2);
    }

    @Test
    void rejecting_without_a_reason_leaves_the_reject_reason_empty() {
        Refund rejected = acceptedValueOf(world.reviewRefund.reject(waiting.id(), Optional.empty(), REVIEWER))
                .refund();

        assertThat(rejected.status()).isEqualTo(RefundStatus.REJECTED);
        assertThat(rejected.rejectReason()).isEmpty();
        assertThat(world.outbox.last().refund().rejectReason()).isNull();
    }

    @Test
    void after_a_rejection_a_single_refund_business_may_ask_again() {
        assertThat(refusalOf(world.requestRefund.handle(refundCommand(secPaid, paid, "10.00"))).code())
                .isEqualTo(RefusalCode.REFUND_ALREADY_REQUESTED);

        world.reviewRefund.reject(waiting.id(), Optional.of("too early"), REVIEWER).orElseThrow();

        assertThat(world.refund(secPaid, paid, "500.00").status()).isEqualTo(RefundStatus.PENDING_REVIEW);
    }

    @Test
    void approving_a_refund_that_is_not_waiting_for_review_is_an_invalid_state() {
        Business auto = world.autoBusiness();
        Payment payment = world.completedPayment(auto, "50.00");
        Refund initiated = world.refund(auto, payment, "10.00");

        assertThat(refusedWithoutChange(() -> world.reviewRefund.approve(initiated.id(), REVIEWER)))
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusedWithoutChange(
                () -> world.reviewRefund.reject(initiated.id(), Optional.of("no"), REVIEWER)))
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void approving_twice_is_an_invalid_state_and_announces_nothing_more() {
        world.reviewRefund.approve(waiting.id(), REVIEWER).orElseThrow();

        assertThat(refusedWithoutChange(() -> world.reviewRefund.approve(waiting.id(), REVIEWER)))
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.outbox.events()).hasSize(2);
    }

    @Test
    void a_rejected_refund_cannot_be_approved_nor_rejected_again() {
        world.reviewRefund.reject(waiting.id(), Optional.empty(), REVIEWER).orElseThrow();

        assertThat(refusedWithoutChange(() -> world.reviewRefund.approve(waiting.id(), REVIEWER)))
                .isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusedWithoutChange(
                () -> world.reviewRefund.reject(waiting.id(), Optional.empty(), REVIEWER)))
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void a_refund_cancelled_by_the_merchant_cannot_be_approved() {
        world.cancelRefund.cancel(secPaid.id(), paid.id(), waiting.id()).orElseThrow();

        assertThat(refusedWithoutChange(() -> world.reviewRefund.approve(waiting.id(), REVIEWER)))
                .isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void an_unknown_refund_is_not_found() {
        RefundId unknown = new RefundId("REF_20260517_0000000999");

        assertThat(refusedWithoutChange(() -> world.reviewRefund.approve(unknown, REVIEWER)))
                .isEqualTo(RefusalCode.REFUND_NOT_FOUND);
        assertThat(refusedWithoutChange(() -> world.reviewRefund.reject(unknown, Optional.of("no"), REVIEWER)))
                .isEqualTo(RefusalCode.REFUND_NOT_FOUND);
    }

    @Test
    void an_admin_reviews_the_refunds_of_every_business() {
        Business other = world.manualBusiness();
        Payment otherPayment = world.completedPayment(other, "30.00");
        Refund theirs = world.refund(other, otherPayment, "30.00");

        world.reviewRefund.approve(theirs.id(), REVIEWER).orElseThrow();
        world.reviewRefund.reject(waiting.id(), Optional.empty(), REVIEWER).orElseThrow();

        assertThat(world.storedRefund(theirs).status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.storedRefund(waiting).status()).isEqualTo(RefundStatus.REJECTED);
        assertThat(world.outbox.last().businessId()).isEqualTo(secPaid.id());
    }

    @Test
    void a_refund_waiting_for_review_may_still_be_approved_while_its_payment_is_disputed() {
        world.disputesService.open(paid.id(), "chargeback").orElseThrow();

        assertThat(acceptedValueOf(world.reviewRefund.approve(waiting.id(), REVIEWER)).refund().status())
                .isEqualTo(RefundStatus.INITIATED);
        assertThat(world.outbox.last().payment().disputed()).isTrue();
    }

    @Test
    void a_refund_cancelled_by_the_merchant_while_the_admin_decides_is_refused_as_an_invalid_state() {
        world.payments.beforeNextLock(
                () -> world.cancelRefund.cancel(secPaid.id(), paid.id(), waiting.id()).orElseThrow());

        Decision<RefundChange> approval = world.reviewRefund.approve(waiting.id(), REVIEWER);

        assertThat(refusalOf(approval).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.storedRefund(waiting).status()).isEqualTo(RefundStatus.CANCELLED);
        assertThat(world.storedPayment(paid).refundable()).isEqualTo(bdt("500.00"));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_CANCELLED);
    }

    @Test
    void a_refund_approved_by_another_admin_meanwhile_cannot_be_rejected() {
        world.payments.beforeNextLock(() -> world.reviewRefund.approve(waiting.id(), REVIEWER).orElseThrow());

        Decision<RefundChange> rejection = world.reviewRefund.reject(waiting.id(), Optional.of("late"), REVIEWER);

        assertThat(refusalOf(rejection).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(world.storedRefund(waiting).status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.storedRefund(waiting).rejectReason()).isEmpty();
        assertThat(world.storedRefund(waiting).reviewedBy()).contains(REVIEWER);
        assertThat(world.storedPayment(paid).reserved()).isEqualTo(bdt("200.00"));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_APPROVED);
    }
}
