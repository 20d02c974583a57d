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
import dev.refunds.domain.money.Money;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.PaymentType;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.Refusal;
import dev.refunds.domain.payment.RefusalCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static dev.refunds.application.fakes.Decisions.acceptedValueOf;
import static dev.refunds.application.fakes.Decisions.refusalOf;
import static dev.refunds.application.fakes.FakeWorld.REASON;
import static dev.refunds.application.fakes.FakeWorld.bdt;
import static dev.refunds.application.fakes.FakeWorld.fullRefundCommand;
import static dev.refunds.application.fakes.FakeWorld.refundCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestRefundServiceTest {
    private final FakeWorld world = FakeWorld.direct();
    private final Business shop = world.autoBusiness();
    private final Payment paid = world.completedPayment(shop, "500.00");

    private static RequestRefundCommand command(Business business, PaymentRef payment, Optional<RequestedAmount> amount,
                                                boolean fullRefundOnly) {
        return new RequestRefundCommand(business, payment, amount, fullRefundOnly, REASON, Optional.empty());
    }

    private static RequestRefundCommand decimalCommand(Business business, Payment payment, String decimal) {
        return command(business, PaymentRef.of(payment.id()),
                Optional.of(RequestedAmount.decimal(new BigDecimal(decimal))), false);
    }

    /** Asks for the refund and checks that the refusal left every repository and the outbox as they were. */
    private Refusal refusedWithoutChange(RequestRefundCommand command) {
        FakeWorld.State before = world.state();
        Refusal refusal = refusalOf(world.requestRefund.handle(command));
        assertThat(world.state()).isEqualTo(before);
        return refusal;
    }

    /** A bad amount is a refusal on the amount field like the other rules', never an exception. */
    private void invalidWithoutChange(RequestRefundCommand command) {
        Refusal refusal = refusedWithoutChange(command);
        assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_AMOUNT);
        assertThat(refusal.field()).contains("amount");
    }


    @Test
    void an_accepted_refund_is_saved_reserves_its_amount_and_announces_itself_in_exactly_one_refund_created_event() {
        Instant now = world.clock.instant();
        RequestRefundCommand command = new RequestRefundCommand(shop, PaymentRef.of(paid.id()),
                Optional.of(RequestedAmount.text("200.00")), false, "damaged on arrival", Optional.of("rf-1"));

        RefundChange change = acceptedValueOf(world.requestRefund.handle(command));

        Refund refund = change.refund();
        assertThat(refund.id().value()).matches("REF_20260517_[0-9A-Z]{10}");
        assertThat(refund.paymentId()).isEqualTo(paid.id());
        assertThat(refund.businessId()).isEqualTo(shop.id());
        assertThat(refund.amount()).isEqualTo(bdt("200.00"));
        assertThat(refund.status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(refund.reason()).isEqualTo("damaged on arrival");
        assertThat(refund.merchantRef()).contains("rf-1");
        assertThat(refund.initiatedAt()).isEqualTo(now);
        assertThat(world.refunds.all()).containsExactly(refund);

        Payment payment = world.storedPayment(paid);
        assertThat(payment).isEqualTo(change.payment());
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.reserved()).isEqualTo(bdt("200.00"));
        assertThat(payment.refunded()).isEqualTo(bdt("0.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("300.00"));
        assertThat(payment.countingRefunds()).isEqualTo(1);
        assertThat(world.payments.locked()).contains(paid.id());

        assertThat(world.outbox.events()).hasSize(1);
        RefundEvent event = world.outbox.last();
        assertThat(event.type()).isEqualTo(RefundEventType.REFUND_CREATED);
        assertThat(event.type().wireName()).isEqualTo("refund.created");
        assertThat(event.eventId()).matches("evt_[0-9a-f]{24}");
        assertThat(event.businessId()).isEqualTo(shop.id());
        assertThat(event.occurredAt()).isEqualTo(now);
        assertThat(event.refund()).isEqualTo(RefundView.of(refund));
        assertThat(event.payment()).isEqualTo(PaymentView.of(payment));
    }

    @Test
    void an_accepted_refund_carries_snapshots_as_clients_see_them() {
        world.requestRefund.handle(refundCommand(shop, paid, "200.00")).orElseThrow();

        RefundEvent event = world.outbox.last();
        assertThat(event.refund().amount()).isEqualTo("200.00");
        assertThat(event.refund().currency()).isEqualTo("BDT");
        assertThat(event.refund().status()).isEqualTo("INITIATED");
        assertThat(event.refund().paymentId()).isEqualTo(paid.id().value());
        assertThat(event.refund().rejectReason()).isNull();
        assertThat(event.refund().completedAt()).isNull();
        assertThat(event.payment().paymentId()).isEqualTo(paid.id().value());
        assertThat(event.payment().payId()).isEqualTo(paid.payId());
        assertThat(event.payment().amount()).isEqualTo("500.00");
        assertThat(event.payment().status()).isEqualTo("COMPLETED");
        assertThat(event.payment().refundTotal()).isEqualTo("0.00");
        assertThat(event.payment().refundableAmount()).isEqualTo("300.00");
        assertThat(event.payment().disputed()).isFalse();
    }

    @Test
    void a_refund_of_an_auto_business_goes_straight_to_initiated() {
        assertThat(world.refund(shop, paid, "10.00").status()).isEqualTo(RefundStatus.INITIATED);
    }

    @Test
    void a_refund_of_a_manual_business_waits_in_pending_review_with_its_amount_reserved() {
        Business manual = world.manualBusiness();
        Payment payment = world.completedPayment(manual, "80.00");

        Refund refund = world.refund(manual, payment, "30.00");

        assertThat(refund.status()).isEqualTo(RefundStatus.PENDING_REVIEW);
        assertThat(world.storedPayment(payment).refundable()).isEqualTo(bdt("50.00"));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED);
        assertThat(world.outbox.last().refund().status()).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void in_auto_mode_a_refund_above_review_above_waits_for_review_and_one_at_the_limit_does_not() {
        Business capped = world.business(new RefundPolicy(ReviewMode.AUTO, RefundMode.MULTIPLE,
                Optional.of(new BigDecimal("100.00"))));
        Payment payment = world.completedPayment(capped, "500.00");

        assertThat(world.refund(capped, payment, "100.00").status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.refund(capped, payment, "100.01").status()).isEqualTo(RefundStatus.PENDING_REVIEW);
        assertThat(world.refund(capped, payment, "0.01").status()).isEqualTo(RefundStatus.INITIATED);
    }

    @Test
    void review_above_is_compared_in_the_payment_s_own_currency_units() {
        Business capped = world.business(new RefundPolicy(ReviewMode.AUTO, RefundMode.MULTIPLE,
                Optional.of(new BigDecimal("100"))));
        Payment yen = world.complete(world.payment(capped, Money.of("JPY", 1000), PaymentType.LINK));

        assertThat(world.refund(capped, yen, "100").status()).isEqualTo(RefundStatus.INITIATED);
        assertThat(world.refund(capped, yen, "101").status()).isEqualTo(RefundStatus.PENDING_REVIEW);
    }

    @Test
    void an_omitted_amount_refunds_the_whole_refundable_amount() {
        world.refund(shop, paid, "200.00");

        Refund full = acceptedValueOf(world.requestRefund.handle(fullRefundCommand(shop, paid))).refund();

        assertThat(full.amount()).isEqualTo(bdt("300.00"));
        assertThat(world.storedPayment(paid).refundable()).isEqualTo(bdt("0.00"));
        assertThat(world.storedPayment(paid).reserved()).isEqualTo(bdt("500.00"));
    }

    @Test
    void a_refund_may_take_exactly_the_refundable_amount_but_not_a_cent_more() {
        world.refund(shop, paid, "200.00");
        world.refund(shop, paid, "299.99");

        Refusal refusal = refusedWithoutChange(refundCommand(shop, paid, "0.02"));

        assertThat(refusal.code()).isEqualTo(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE);
        assertThat(refusal.field()).contains("amount");
        assertThat(world.refund(shop, paid, "0.01").amount()).isEqualTo(bdt("0.01"));
        assertThat(world.storedPayment(paid).refundable()).isEqualTo(bdt("0.00"));
    }

    @Test
    void a_refund_may_name_its_payment_by_the_numeric_pay_id() {
        RefundChange change = acceptedValueOf(world.requestRefund.handle(command(shop,
                PaymentRef.ofPayId(paid.payId()), Optional.of(RequestedAmount.decimal(new BigDecimal("49.99"))),
                false)));

        assertThat(change.refund().paymentId()).isEqualTo(paid.id());
        assertThat(change.refund().amount()).isEqualTo(bdt("49.99"));
        assertThat(world.storedPayment(paid).refundable()).isEqualTo(bdt("450.01"));
    }

    @Test
    void each_accepted_request_gets_its_own_refund_id_and_event() {
        Refund first = world.refund(shop, paid, "1.00");
        Refund second = world.refund(shop, paid, "2.00");

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(world.outbox.events()).hasSize(2);
        assertThat(world.outbox.events().get(0).eventId()).isNotEqualTo(world.outbox.events().get(1).eventId());
        assertThat(world.outbox.events().get(1).payment().refundableAmount()).isEqualTo("497.00");
    }


    @ParameterizedTest
    @ValueSource(strings = {"200", "200.0", "200.000", "-1.00", "+1.00", "1e2", " 1.00", "1.00 ", "01.00",
            "1,00", "abc", ""})
    void a_v1_text_amount_that_is_not_exactly_two_decimals_for_bdt_is_invalid_and_saves_nothing(String text) {
        invalidWithoutChange(refundCommand(shop, paid, text));
    }

    @Test
    void a_v1_text_amount_of_zero_is_invalid_and_saves_nothing() {
        invalidWithoutChange(refundCommand(shop, paid, "0.00"));
    }

    @Test
    void a_v1_text_amount_follows_the_payment_s_currency_digits() {
        Payment yen = world.complete(world.payment(shop, Money.of("JPY", 500), PaymentType.LINK));
        Payment dinar = world.complete(world.payment(shop, Money.of("KWD", 5000), PaymentType.LINK));

        assertThat(world.refund(shop, yen, "200").amount()).isEqualTo(Money.of("JPY", 200));
        assertThat(world.refund(shop, dinar, "1.250").amount()).isEqualTo(Money.of("KWD", 1250));
        invalidWithoutChange(refundCommand(shop, yen, "200.00"));
        invalidWithoutChange(refundCommand(shop, dinar, "1.25"));
    }

    @Test
    void a_v2_decimal_amount_is_read_exactly() {
        Refund refund = acceptedValueOf(world.requestRefund.handle(decimalCommand(shop, paid, "49.99"))).refund();

        assertThat(refund.amount()).isEqualTo(Money.of("BDT", 4999));
    }

    @Test
    void a_v2_decimal_amount_may_have_trailing_zeros() {
        Refund refund = acceptedValueOf(world.requestRefund.handle(decimalCommand(shop, paid, "20.000"))).refund();

        assertThat(refund.amount()).isEqualTo(bdt("20.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "49.999", "0.001"})
    void a_v2_decimal_amount_that_is_zero_negative_or_too_precise_is_invalid_and_saves_nothing(String decimal) {
        invalidWithoutChange(decimalCommand(shop, paid, decimal));
    }

    @Test
    void full_refund_only_with_the_whole_refundable_amount_is_accepted() {
        world.refund(shop, paid, "100.00");

        RefundChange change = acceptedValueOf(world.requestRefund.handle(command(shop, PaymentRef.of(paid.id()),
                Optional.of(RequestedAmount.decimal(new BigDecimal("400"))), true)));

        assertThat(change.refund().amount()).isEqualTo(bdt("400.00"));
    }

    @Test
    void full_refund_only_with_the_amount_omitted_takes_the_whole_refundable_amount() {
        RefundChange change = acceptedValueOf(world.requestRefund.handle(command(shop,
                PaymentRef.ofPayId(paid.payId()), Optional.empty(), true)));

        assertThat(change.refund().amount()).isEqualTo(bdt("500.00"));
    }

    @Test
    void full_refund_only_with_any_other_amount_is_refused_on_the_amount_and_changes_nothing() {
        Refusal less = refusedWithoutChange(command(shop, PaymentRef.of(paid.id()),
                Optional.of(RequestedAmount.decimal(new BigDecimal("499.99"))), true));
        Refusal more = refusedWithoutChange(command(shop, PaymentRef.of(paid.id()),
                Optional.of(RequestedAmount.decimal(new BigDecimal("500.01"))), true));

        assertThat(less.code()).isEqualTo(RefusalCode.AMOUNT_NOT_FULL_REFUND);
        assertThat(less.field()).contains("amount");
        assertThat(more.code()).isEqualTo(RefusalCode.AMOUNT_NOT_FULL_REFUND);
    }


    @Test
    void a_refused_request_changes_nothing_when_the_payment_is_another_business_s() {
        Business other = world.autoBusiness();

        assertThat(refusedWithoutChange(refundCommand(other, paid, "1.00")).code())
                .isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
    }

    @Test
    void a_refused_request_changes_nothing_when_the_pay_id_is_another_business_s() {
        Business other = world.autoBusiness();

        assertThat(refusedWithoutChange(command(other, PaymentRef.ofPayId(paid.payId()),
                Optional.empty(), false)).code()).isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
    }

    @Test
    void a_refused_request_changes_nothing_when_the_payment_does_not_exist() {
        assertThat(refusedWithoutChange(command(shop, PaymentRef.of(new PaymentId("PAY_20260517_0000000999")),
                Optional.empty(), false)).code()).isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
        assertThat(refusedWithoutChange(command(shop, PaymentRef.ofPayId(999_999_999L), Optional.empty(), false))
                .code()).isEqualTo(RefusalCode.PAYMENT_NOT_FOUND);
    }

    @Test
    void a_refused_request_changes_nothing_when_the_payment_was_never_paid() {
        Payment pending = world.pendingPayment(shop, "50.00");

        assertThat(refusedWithoutChange(refundCommand(shop, pending, "1.00")).code())
                .isEqualTo(RefusalCode.PAYMENT_NOT_REFUNDABLE);
    }

    @Test
    void a_refused_request_changes_nothing_when_the_payment_was_cancelled() {
        Payment pending = world.pendingPayment(shop, "50.00");
        world.changePaymentStatus.cancel(shop.id(), pending.id()).orElseThrow();

        assertThat(refusedWithoutChange(refundCommand(shop, pending, "1.00")).code())
                .isEqualTo(RefusalCode.PAYMENT_CANCELLED);
    }

    @Test
    void a_refused_request_changes_nothing_when_the_payment_is_an_invoice() {
        Payment invoice = world.complete(world.payment(shop, bdt("50.00"), PaymentType.INVOICE));

        assertThat(refusedWithoutChange(refundCommand(shop, invoice, "1.00")).code())
                .isEqualTo(RefusalCode.INVOICE_NOT_REFUNDABLE);
    }

    @Test
    void a_refused_request_changes_nothing_when_the_amount_exceeds_the_refundable_amount() {
        Refusal refusal = refusedWithoutChange(refundCommand(shop, paid, "500.01"));

        assertThat(refusal.code()).isEqualTo(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE);
        assertThat(refusal.field()).contains("amount");
    }

    @Test
    void a_refused_request_changes_nothing_when_nothing_is_left_and_the_amount_is_omitted() {
        world.refund(shop, paid, "500.00");

        assertThat(refusedWithoutChange(fullRefundCommand(shop, paid)).code())
                .isEqualTo(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE);
    }

    @Test
    void a_refused_request_changes_nothing_when_the_payment_is_already_fully_refunded() {
        world.settle(world.refund(shop, paid, "500.00"));
        assertThat(world.storedPayment(paid).status()).isEqualTo(PaymentStatus.REFUNDED);

        assertThat(refusedWithoutChange(refundCommand(shop, paid, "1.00")).code())
                .isEqualTo(RefusalCode.PAYMENT_NOT_REFUNDABLE);
    }

    @Test
    void a_refused_request_changes_nothing_when_a_single_refund_business_already_has_one_in_flight() {
        Business single = world.business(RefundPolicy.of(ReviewMode.AUTO, RefundMode.SINGLE));
        Payment payment = world.completedPayment(single, "100.00");
        world.refund(single, payment, "10.00");

        assertThat(refusedWithoutChange(refundCommand(single, payment, "10.00")).code())
                .isEqualTo(RefusalCode.REFUND_ALREADY_REQUESTED);
    }

    @Test
    void a_refused_request_changes_nothing_when_a_single_refund_business_already_has_a_completed_one() {
        Business single = world.business(RefundPolicy.of(ReviewMode.AUTO, RefundMode.SINGLE));
        Payment payment = world.completedPayment(single, "100.00");
        world.settle(world.refund(single, payment, "10.00"));

        assertThat(refusedWithoutChange(refundCommand(single, payment, "10.00")).code())
                .isEqualTo(RefusalCode.REFUND_ALREADY_REQUESTED);
    }

    @Test
    void a_refused_request_changes_nothing_when_the_payment_has_an_open_dispute() {
        world.disputesService.open(paid.id(), "customer says never delivered").orElseThrow();

        assertThat(refusedWithoutChange(refundCommand(shop, paid, "1.00")).code())
                .isEqualTo(RefusalCode.REFUND_BLOCKED_BY_DISPUTE);
    }

    @Test
    void a_single_refund_business_may_ask_again_once_its_refund_failed() {
        Business single = world.business(RefundPolicy.of(ReviewMode.AUTO, RefundMode.SINGLE));
        Payment payment = world.completedPayment(single, "100.00");
        Refund first = world.refund(single, payment, "10.00");
        world.move(first, RefundStatus.FAILED, Optional.of("card closed")).orElseThrow();

        assertThat(world.refund(single, payment, "100.00").amount()).isEqualTo(bdt("100.00"));
    }

    @Test
    void reason_and_merchant_reference_are_checked_by_the_command() {
        PaymentRef ref = PaymentRef.of(paid.id());

        assertThatThrownBy(() -> new RequestRefundCommand(shop, ref, Optional.empty(), false, " ",
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestRefundCommand(shop, ref, Optional.empty(), false,
                "r".repeat(Refund.REASON_LENGTH_MAX + 1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestRefundCommand(shop, ref, Optional.empty(), false, REASON,
                Optional.of("m".repeat(Refund.MERCHANT_REF_LENGTH_MAX + 1))))
                .isInstanceOf(IllegalArgumentException.class);
        RequestRefundCommand longest = new RequestRefundCommand(shop, ref, Optional.empty(), false,
                "r".repeat(Refund.REASON_LENGTH_MAX), Optional.of("m".repeat(Refund.MERCHANT_REF_LENGTH_MAX)));
        assertThat(acceptedValueOf(world.requestRefund.handle(longest)).refund().reason())
                .hasSize(Refund.REASON_LENGTH_MAX);
    }

    @Test
    void a_request_retried_after_a_lost_deadlock_saves_one_refund_and_one_event() {
        FakeWorld tx = FakeWorld.withRollback();
        Business business = tx.autoBusiness();
        Payment payment = tx.completedPayment(business, "500.00");
        tx.rollbackTransactions().loseNextCommits(1);

        Decision<RefundChange> decision = tx.requestRefund.handle(refundCommand(business, payment, "200.00"));

        assertThat(decision.isAccepted()).isTrue();
        assertThat(tx.rollbackTransactions().rolledBack()).isEqualTo(1);
        assertThat(tx.refunds.all()).containsExactly(decision.orElseThrow().refund());
        assertThat(tx.outbox.events()).hasSize(1);
        assertThat(tx.storedPayment(payment).refundable()).isEqualTo(bdt("300.00"));
    }

    @Test
    void an_outbox_failure_takes_the_refund_and_the_reservation_back_with_it() {
        FakeWorld tx = FakeWorld.withRollback();
        Business business = tx.autoBusiness();
        Payment payment = tx.completedPayment(business, "500.00");
        FakeWorld.State before = tx.state();
        tx.outbox.failNextAppend(new IllegalStateException("outbox insert failed"));

        assertThatThrownBy(() -> tx.requestRefund.handle(refundCommand(business, payment, "200.00")))
                .hasMessage("outbox insert failed");

        assertThat(tx.state()).isEqualTo(before);
        assertThat(tx.storedPayment(payment).refundable()).isEqualTo(bdt("500.00"));
    }

    @Test
    void a_request_sees_a_refund_committed_just_before_it_got_the_lock() {
        world.payments.beforeNextLock(() -> world.refund(shop, paid, "400.00"));

        Refusal refusal = refusalOf(world.requestRefund.handle(refundCommand(shop, paid, "200.00")));

        assertThat(refusal.code()).isEqualTo(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE);
        assertThat(world.refunds.all()).hasSize(1);
        assertThat(world.storedPayment(paid).reserved()).isEqualTo(bdt("400.00"));
        assertThat(world.outbox.events()).hasSize(1);
    }

    @Test
    void of_two_racing_requests_on_a_single_refund_business_only_the_first_counts() {
        Business secPaid = world.secPaidBusiness();
        Payment payment = world.completedPayment(secPaid, "100.00");
        world.payments.beforeNextLock(() -> world.refund(secPaid, payment, "100.00"));

        Refusal refusal = refusalOf(world.requestRefund.handle(refundCommand(secPaid, payment, "100.00")));

        assertThat(refusal.code()).isEqualTo(RefusalCode.REFUND_ALREADY_REQUESTED);
        assertThat(world.refunds.listForPayment(secPaid.id(), payment.id())).hasSize(1);
    }
}
