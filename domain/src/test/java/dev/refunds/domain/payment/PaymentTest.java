package dev.refunds.domain.payment;

import dev.refunds.domain.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.refunds.domain.payment.PaymentFixtures.BUSINESS;
import static dev.refunds.domain.payment.PaymentFixtures.LATER;
import static dev.refunds.domain.payment.PaymentFixtures.NOW;
import static dev.refunds.domain.payment.PaymentFixtures.PAYMENT;
import static dev.refunds.domain.payment.PaymentFixtures.bdt;
import static dev.refunds.domain.payment.PaymentFixtures.completed;
import static dev.refunds.domain.payment.PaymentFixtures.pending;
import static dev.refunds.domain.payment.PaymentFixtures.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A payment's own life (create, complete, cancel) and the invariants its constructor re-checks. */
class PaymentTest {

    @Test
    void a_new_payment_is_pending_with_nothing_refunded_and_nothing_refundable() {
        Payment payment = pending(bdt("1000.00"), PaymentType.LINK);

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.refunded()).isEqualTo(bdt("0.00"));
        assertThat(payment.reserved()).isEqualTo(bdt("0.00"));
        assertThat(payment.countingRefunds()).isZero();
        assertThat(payment.dispute()).isEmpty();
        assertThat(payment.isDisputed()).isFalse();
        assertThat(payment.completedAt()).isEmpty();
        assertThat(payment.createdAt()).isEqualTo(NOW);
        assertThat(payment.refundable()).isEqualTo(bdt("0.00"));
    }

    @Test
    void a_payments_metadata_is_kept_through_payment_refunds_and_disputes() {
        Metadata metadata = new Metadata(Map.of("order", "42", "channel", "web"));
        Payment paid = Payment.create(PAYMENT, 12_345, BUSINESS, bdt("1000.00"), PaymentType.LINK,
                Optional.empty(), Optional.empty(), metadata, NOW).complete(LATER).orElseThrow();
        RefundRequest request = new RefundRequest(new RefundId("REF_20260517_METADATA00"),
                Optional.of(bdt("400.00")), false, "returned", Optional.empty());
        Payment refunding = paid.requestRefund(request, PaymentFixtures.AUTO_MULTIPLE, LATER).orElseThrow()
                .payment();

        assertThat(paid.metadata()).isEqualTo(metadata);
        assertThat(refunding.metadata().entries()).containsExactly(
                Map.entry("channel", "web"), Map.entry("order", "42"));
        assertThat(refunding.openDispute(new DisputeId("DSP_1"), "fraud", LATER).orElseThrow().payment()
                .metadata()).isEqualTo(metadata);
    }

    @Test
    void completing_a_pending_payment_makes_its_whole_amount_refundable() {
        Payment payment = pending(bdt("1000.00"), PaymentType.LINK).complete(LATER).orElseThrow();

        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.completedAt()).contains(LATER);
        assertThat(payment.refundable()).isEqualTo(bdt("1000.00"));
    }

    @Test
    void completing_twice_is_refused_as_invalid_state_and_changes_nothing() {
        Payment payment = completed(bdt("1000.00"));

        Decision<Payment> second = payment.complete(LATER);

        assertThat(refusalOf(second).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusalOf(second).field()).isEmpty();
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.completedAt()).contains(NOW);
    }

    @Test
    void a_cancelled_payment_cannot_be_completed() {
        Payment cancelled = pending(bdt("1000.00"), PaymentType.LINK).cancel().orElseThrow();

        assertThat(refusalOf(cancelled.complete(NOW)).code()).isEqualTo(RefusalCode.INVALID_STATE);
    }

    @Test
    void cancelling_a_pending_payment_makes_it_cancelled_with_nothing_refundable() {
        Payment cancelled = pending(bdt("1000.00"), PaymentType.LINK).cancel().orElseThrow();

        assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(cancelled.completedAt()).isEmpty();
        assertThat(cancelled.refundable()).isEqualTo(bdt("0.00"));
    }

    @Test
    void only_a_pending_payment_can_be_cancelled() {
        Payment paid = completed(bdt("1000.00"));
        Payment cancelled = pending(bdt("1000.00"), PaymentType.LINK).cancel().orElseThrow();

        assertThat(refusalOf(paid.cancel()).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(refusalOf(cancelled.cancel()).code()).isEqualTo(RefusalCode.INVALID_STATE);
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void a_row_whose_refunds_reach_exactly_the_amount_is_a_valid_payment() {
        assertThatNoException().isThrownBy(() -> row(PaymentStatus.COMPLETED, 60_000, 40_000, 2));
        assertThatNoException().isThrownBy(() -> row(PaymentStatus.REFUNDED, 100_000, 0, 1));
    }

    @ParameterizedTest(name = "{0} with refunded {1}, reserved {2}, counting {3} is refused")
    @CsvSource({
            "COMPLETED, 60000, 40001, 2",
            "COMPLETED, 100001, 0, 1",
            "COMPLETED, 0, 100001, 1",
            "COMPLETED, 100000, 0, 1",
            "REFUNDED, 99999, 0, 1",
            "COMPLETED, 0, 100, 0",
            "COMPLETED, 0, 0, -1"})
    void a_row_that_breaks_the_refund_ceiling_or_its_totals_throws(PaymentStatus status, long refundedMinor,
                                                                    long reservedMinor, int counting) {
        assertThatThrownBy(() -> row(status, refundedMinor, reservedMinor, counting))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("payment invariant broken");
    }

    @Test
    void a_row_that_is_unpaid_but_has_a_completion_refunds_or_a_dispute_throws() {
        Money zero = bdt("0.00");
        Money amount = bdt("1000.00");
        Optional<DisputeStatus> open = Optional.of(DisputeStatus.OPEN);

        assertThatThrownBy(() -> payment(amount, PaymentStatus.PENDING, zero, zero, 0, Optional.empty(),
                Optional.of(NOW))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment(amount, PaymentStatus.COMPLETED, zero, zero, 0, Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment(amount, PaymentStatus.PENDING, zero, zero, 1, Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment(amount, PaymentStatus.CANCELLED, zero, zero, 0, open,
                Optional.empty())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment(zero, PaymentStatus.PENDING, zero, zero, 0, Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment(amount, PaymentStatus.COMPLETED, Money.of("USD", 0), zero, 0,
                Optional.empty(), Optional.of(NOW))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_payment_id_is_never_zero_or_negative() {
        Money zero = bdt("0.00");
        assertThatThrownBy(() -> new Payment(PAYMENT, 0, BUSINESS, bdt("1.00"), PaymentType.LINK,
                PaymentStatus.PENDING, zero, zero, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Metadata.EMPTY, NOW, Optional.empty())).isInstanceOf(IllegalStateException.class);
    }

    private static Payment row(PaymentStatus status, long refundedMinor, long reservedMinor, int counting) {
        return payment(bdt("1000.00"), status, new Money(PaymentFixtures.BDT, refundedMinor),
                new Money(PaymentFixtures.BDT, reservedMinor), counting, Optional.empty(), Optional.of(NOW));
    }

    private static Payment payment(Money amount, PaymentStatus status, Money refunded, Money reserved,
                                   int counting, Optional<DisputeStatus> dispute, Optional<Instant> paid) {
        return new Payment(PAYMENT, 12_345, BUSINESS, amount, PaymentType.LINK, status, refunded, reserved,
                counting, dispute, Optional.empty(), Optional.empty(), Metadata.EMPTY, NOW, paid);
    }
}
