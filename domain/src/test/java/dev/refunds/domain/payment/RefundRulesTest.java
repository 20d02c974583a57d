package dev.refunds.domain.payment;

import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import dev.refunds.domain.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static dev.refunds.domain.payment.PaymentFixtures.AUTO_MULTIPLE;
import static dev.refunds.domain.payment.PaymentFixtures.AUTO_SINGLE;
import static dev.refunds.domain.payment.PaymentFixtures.MANUAL_SINGLE;
import static dev.refunds.domain.payment.PaymentFixtures.NOW;
import static dev.refunds.domain.payment.PaymentFixtures.bdt;
import static dev.refunds.domain.payment.PaymentFixtures.completed;
import static dev.refunds.domain.payment.PaymentFixtures.disputed;
import static dev.refunds.domain.payment.PaymentFixtures.fullRefundOnly;
import static dev.refunds.domain.payment.PaymentFixtures.move;
import static dev.refunds.domain.payment.PaymentFixtures.pending;
import static dev.refunds.domain.payment.PaymentFixtures.refund;
import static dev.refunds.domain.payment.PaymentFixtures.refusalOf;
import static dev.refunds.domain.payment.PaymentFixtures.request;
import static dev.refunds.domain.payment.PaymentFixtures.statuses;
import static dev.refunds.domain.payment.PaymentFixtures.wholeRefundable;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a refund request, one test each, and the order of the SecPaid error table between them. */
class RefundRulesTest {

    private static final Money PAID = bdt("1000.00");

    @ParameterizedTest(name = "a cancelled {0} payment")
    @ValueSource(strings = {"LINK", "INVOICE"})
    void a_cancelled_payment_is_refused_before_any_other_rule(PaymentType type) {
        Payment cancelled = pending(PAID, type).cancel().orElseThrow();

        assertThat(code(cancelled.requestRefund(request(bdt("2000.00")), MANUAL_SINGLE, NOW)))
                .isEqualTo(RefusalCode.PAYMENT_CANCELLED);
    }

    @Test
    void an_invoice_is_never_refundable_even_before_it_is_paid() {
        assertThat(code(completed(PAID, PaymentType.INVOICE).requestRefund(request(bdt("1.00")), AUTO_MULTIPLE, NOW)))
                .isEqualTo(RefusalCode.INVOICE_NOT_REFUNDABLE);
        assertThat(code(pending(PAID, PaymentType.INVOICE).requestRefund(request(bdt("1.00")), AUTO_MULTIPLE, NOW)))
                .isEqualTo(RefusalCode.INVOICE_NOT_REFUNDABLE);
    }

    @ParameterizedTest(name = "a refund moved along [{0}] under {1} still counts")
    @CsvSource({"'', AUTO", "'', MANUAL", "PROCESSING, AUTO", "'PROCESSING,COMPLETED', AUTO"})
    void a_single_policy_refuses_a_second_request_while_the_first_counts(String path, ReviewMode reviewMode) {
        RefundPolicy single = RefundPolicy.of(reviewMode, RefundMode.SINGLE);
        RefundChange first = move(refund(completed(PAID), bdt("100.00"), single), statuses(path));

        Decision<RefundChange> second = first.payment().requestRefund(request(bdt("1.00")), single, NOW);

        assertThat(code(second)).isEqualTo(RefusalCode.REFUND_ALREADY_REQUESTED);
        assertThat(first.payment().countingRefunds()).isEqualTo(1);
    }

    @ParameterizedTest(name = "a refund moved along [{0}] no longer counts")
    @ValueSource(strings = {"REJECTED", "CANCELLED", "INITIATED,CANCELLED", "INITIATED,FAILED",
            "INITIATED,PROCESSING,FAILED"})
    void a_single_policy_accepts_a_new_request_once_the_first_was_rejected_failed_or_cancelled(String path) {
        RefundChange first = move(refund(completed(PAID), bdt("100.00"), MANUAL_SINGLE), statuses(path));

        RefundChange second = first.payment().requestRefund(request(bdt("1000.00")), MANUAL_SINGLE, NOW)
                .orElseThrow();

        assertThat(second.payment().countingRefunds()).isEqualTo(1);
        assertThat(second.payment().reserved()).isEqualTo(PAID);
    }

    @Test
    void a_single_policy_refusal_comes_before_the_payment_status_and_the_dispute() {
        Payment refunded = move(refund(completed(PAID), PAID, AUTO_SINGLE), statuses("PROCESSING,COMPLETED"))
                .payment();
        Payment inFlightAndDisputed = disputed(refund(completed(PAID), bdt("1.00"), AUTO_SINGLE).payment(),
                DisputeStatus.OPEN);

        assertThat(code(refunded.requestRefund(request(bdt("1.00")), AUTO_SINGLE, NOW)))
                .isEqualTo(RefusalCode.REFUND_ALREADY_REQUESTED);
        assertThat(code(inFlightAndDisputed.requestRefund(request(bdt("1.00")), AUTO_SINGLE, NOW)))
                .isEqualTo(RefusalCode.REFUND_ALREADY_REQUESTED);
    }

    @Test
    void a_payment_that_is_unpaid_or_fully_refunded_is_not_refundable() {
        Payment refunded = move(refund(completed(PAID), PAID, AUTO_MULTIPLE), statuses("PROCESSING,COMPLETED"))
                .payment();

        assertThat(code(pending(PAID, PaymentType.LINK).requestRefund(request(bdt("1.00")), AUTO_MULTIPLE, NOW)))
                .isEqualTo(RefusalCode.PAYMENT_NOT_REFUNDABLE);
        assertThat(code(refunded.requestRefund(wholeRefundable(), AUTO_MULTIPLE, NOW)))
                .isEqualTo(RefusalCode.PAYMENT_NOT_REFUNDABLE);
    }

    @Test
    void an_open_dispute_blocks_new_refunds_before_the_amount_is_looked_at() {
        Payment payment = disputed(completed(PAID), DisputeStatus.OPEN);

        assertThat(code(payment.requestRefund(request(bdt("1.00")), AUTO_MULTIPLE, NOW)))
                .isEqualTo(RefusalCode.REFUND_BLOCKED_BY_DISPUTE);
        assertThat(code(payment.requestRefund(request(bdt("2000.00")), AUTO_MULTIPLE, NOW)))
                .isEqualTo(RefusalCode.REFUND_BLOCKED_BY_DISPUTE);
        assertThat(payment.refundable()).isEqualTo(PAID);
    }

    @Test
    void a_lost_dispute_charges_the_payment_back_for_good_and_leaves_nothing_refundable() {
        Payment payment = disputed(completed(PAID), DisputeStatus.LOST);

        assertThat(code(payment.requestRefund(request(bdt("1.00")), AUTO_MULTIPLE, NOW)))
                .isEqualTo(RefusalCode.PAYMENT_CHARGED_BACK);
        assertThat(payment.refundable()).isEqualTo(bdt("0.00"));
        assertThat(payment.isDisputed()).isFalse();
    }

    @Test
    void a_won_dispute_lifts_the_block() {
        Payment payment = disputed(completed(PAID), DisputeStatus.WON);

        RefundChange change = payment.requestRefund(request(PAID), AUTO_MULTIPLE, NOW).orElseThrow();

        assertThat(change.refund().amount()).isEqualTo(PAID);
    }

    @ParameterizedTest(name = "a full refund of {0}")
    @ValueSource(strings = {"999.99", "1000.01", "0.00"})
    void a_full_refund_for_anything_but_the_whole_refundable_amount_is_refused_on_the_amount(String amount) {
        Refusal refusal = refusalOf(completed(PAID).requestRefund(fullRefundOnly(Optional.of(bdt(amount))),
                AUTO_MULTIPLE, NOW));

        assertThat(refusal.code()).isEqualTo(RefusalCode.AMOUNT_NOT_FULL_REFUND);
        assertThat(refusal.field()).contains("amount");
        assertThat(refusal.message()).contains("1000.00");
    }

    @Test
    void a_full_refund_of_the_whole_refundable_amount_given_or_omitted_is_accepted() {
        Payment partlyRefunded = refund(completed(PAID), bdt("400.00"), AUTO_MULTIPLE).payment();

        assertThat(partlyRefunded.requestRefund(fullRefundOnly(Optional.of(bdt("600.00"))), AUTO_MULTIPLE, NOW)
                .orElseThrow().refund().amount()).isEqualTo(bdt("600.00"));
        assertThat(partlyRefunded.requestRefund(fullRefundOnly(Optional.empty()), AUTO_MULTIPLE, NOW)
                .orElseThrow().refund().amount()).isEqualTo(bdt("600.00"));
    }

    @Test
    void refund_above_refundable_is_refused_and_changes_nothing() {
        Payment payment = refund(completed(PAID), bdt("400.00"), AUTO_MULTIPLE).payment();

        Refusal refusal = refusalOf(payment.requestRefund(request(bdt("600.01")), AUTO_MULTIPLE, NOW));

        assertThat(refusal.code()).isEqualTo(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE);
        assertThat(refusal.field()).contains("amount");
        assertThat(refusal.message()).contains("600.01").contains("600.00");
        assertThat(payment.reserved()).isEqualTo(bdt("400.00"));
        assertThat(payment.countingRefunds()).isEqualTo(1);
        assertThat(payment.refundable()).isEqualTo(bdt("600.00"));
    }

    @Test
    void a_zero_refund_or_an_omitted_amount_with_nothing_left_is_refused_on_the_amount() {
        Payment allReserved = refund(completed(PAID), PAID, AUTO_MULTIPLE).payment();

        Refusal zero = refusalOf(completed(PAID).requestRefund(request(bdt("0.00")), AUTO_MULTIPLE, NOW));
        Refusal nothingLeft = refusalOf(allReserved.requestRefund(wholeRefundable(), AUTO_MULTIPLE, NOW));

        assertThat(zero.code()).isEqualTo(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE);
        assertThat(zero.field()).contains("amount");
        assertThat(nothingLeft.code()).isEqualTo(RefusalCode.AMOUNT_EXCEEDS_REFUNDABLE);
    }

    @Test
    void an_amount_in_another_currency_is_refused_on_the_amount_not_converted() {
        Refusal refusal = refusalOf(completed(PAID).requestRefund(request(Money.of("USD", 100)), AUTO_MULTIPLE, NOW));

        assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_AMOUNT);
        assertThat(refusal.field()).contains("amount");
        assertThat(refusal.message()).contains("USD").contains("BDT");
    }

    private static RefusalCode code(Decision<?> decision) {
        return refusalOf(decision).code();
    }
}
