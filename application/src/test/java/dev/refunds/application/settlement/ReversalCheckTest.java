package dev.refunds.application.settlement;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.fakes.InlineSlots;
import dev.refunds.application.settlement.PaymentProcessor.ProcessorStatus;
import dev.refunds.application.settlement.SettlementQueue.DueCheck;
import dev.refunds.application.settlement.SettlementService.SettlementSettings;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.PaymentStatus;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.refunds.application.fakes.FakeWorld.bdt;
import static org.assertj.core.api.Assertions.assertThat;

/** The worker keeps asking about completed refunds for the reversal window, and applies a reversal once. */
class ReversalCheckTest {
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration CHECK_EVERY_MAX = Duration.ofSeconds(10);
    private static final Duration WINDOW = Duration.ofHours(1);

    private final FakeWorld world = FakeWorld.withRollback();
    private final FakePaymentProcessor processor = new FakePaymentProcessor(world.rollbackTransactions()::isActive);
    private final SettlementService settlement = new SettlementService(world.settlement, processor, world.payments,
            world.mover, world.transactions, world.clock, new SettlementSettings(5, Duration.ofSeconds(30),
            Duration.ZERO, CHECK_EVERY, CHECK_EVERY_MAX, WINDOW), new InlineSlots(1));
    private final Business shop = world.autoBusiness();
    private final Payment paid = world.completedPayment(shop, "500.00");

    @Test
    void a_completed_refund_reported_reversed_stops_counting_and_the_payment_is_completed_again() {
        Refund refund = completedFullRefund();
        assertThat(world.storedPayment(paid).status()).isEqualTo(PaymentStatus.REFUNDED);
        Instant reversedAt = world.clock.advance(CHECK_EVERY_MAX);
        processor.answer(refund.id(), new ProcessorStatus.Reversed(FailureCode.CARD_CLOSED, "card closed"));

        assertThat(settlement.checkDue()).isEqualTo(1);

        Refund reversed = world.storedRefund(refund);
        assertThat(reversed.status()).isEqualTo(RefundStatus.REVERSED);
        assertThat(reversed.reversedAt()).contains(reversedAt);
        assertThat(reversed.failureCode()).contains(FailureCode.CARD_CLOSED);
        assertThat(reversed.acquirerReference()).contains("ARN1");
        Payment payment = world.storedPayment(paid);
        assertThat(payment.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.refunded()).isEqualTo(bdt("0.00"));
        assertThat(payment.refundable()).isEqualTo(bdt("500.00"));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING, RefundEventType.PAYMENT_REFUNDED,
                RefundEventType.PAYMENT_REFUND_REVERSED);

        world.clock.advance(CHECK_EVERY_MAX);
        assertThat(settlement.checkDue()).as("a reversed refund is not checked again").isZero();
        assertThat(world.outbox.types()).hasSize(4);
    }

    @Test
    void a_refund_reported_reversed_before_its_completion_was_seen_is_written_completed_then_reversed() {
        Refund refund = world.refund(shop, paid, "120.00");
        settlement.sendDue();
        processor.answer(refund.id(), new ProcessorStatus.Reversed(FailureCode.CARD_CLOSED, "card closed"));

        settlement.checkDue();

        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.REVERSED);
        assertThat(world.storedRefund(refund).completedAt()).isPresent();
        assertThat(world.storedPayment(paid).refundable()).isEqualTo(bdt("500.00"));
        assertThat(world.outbox.types()).containsExactly(RefundEventType.REFUND_CREATED,
                RefundEventType.REFUND_PROCESSING, RefundEventType.PAYMENT_REFUNDED,
                RefundEventType.PAYMENT_REFUND_REVERSED);
    }

    @Test
    void completed_refunds_are_asked_about_until_the_window_is_over_then_never_again() {
        Refund refund = completedFullRefund();
        Instant completedAt = world.storedRefund(refund).completedAt().orElseThrow();
        int before = processor.statusCalls().size();
        world.clock.advance(CHECK_EVERY_MAX);
        settlement.checkDue();
        assertThat(processor.statusCalls()).as("asked again inside the window").hasSize(before + 1);

        world.clock.set(completedAt.plus(WINDOW));
        settlement.checkDue();
        world.clock.advance(Duration.ofDays(30));
        settlement.checkDue();

        assertThat(processor.statusCalls()).as("no call once the window is over").hasSize(before + 1);
        processor.answer(refund.id(), new ProcessorStatus.Reversed(FailureCode.CARD_CLOSED, "too late"));
        settlement.checkDue();
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
    }

    /** README: a completed refund is asked about at the back-off's slowest pace, not 1 s, 2 s, 4 s … again. */
    @Test
    void a_completed_refund_is_asked_about_every_check_every_max() {
        Refund refund = completedFullRefund();
        for (int check = 0; check < 3; check++) {
            Instant asked = world.clock.instant();
            world.clock.set(nextCheckAt(refund).minusMillis(1));
            assertThat(settlement.checkDue()).as("check %s before it is due", check).isZero();
            world.clock.set(nextCheckAt(refund));
            assertThat(settlement.checkDue()).as("check %s when due", check).isEqualTo(1);
            if (check > 0) {
                assertThat(Duration.between(asked, world.clock.instant())).isEqualTo(CHECK_EVERY_MAX);
            }
        }
    }

    private Instant nextCheckAt(Refund refund) {
        return world.settlement.dueForCheck(Instant.parse("9999-01-01T00:00:00Z"), 1000).stream()
                .filter(due -> due.refund().id().equals(refund.id())).map(DueCheck::dueAt).findFirst()
                .orElseThrow(() -> new AssertionError("no check scheduled for " + refund.id()));
    }

    private Refund completedFullRefund() {
        Refund refund = world.refund(shop, paid, "500.00");
        settlement.sendDue();
        processor.answer(refund.id(), new ProcessorStatus.Succeeded(Optional.of("ARN1")));
        settlement.checkDue();
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
        return refund;
    }
}
