package dev.refunds.application.settlement;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.fakes.InlineSlots;
import dev.refunds.application.settlement.PaymentProcessor.ProcessorStatus;
import dev.refunds.application.settlement.SettlementService.SettlementSettings;
import dev.refunds.application.view.RefundEventType;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pass's batch costs two commits per worker, not two per refund: a worker's part of the claims in one
 * transaction, what the processor said in another; a check that changes nothing costs none. One worker here.
 */
class SettlementBatchTest {
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final FakeWorld world = FakeWorld.withRollback();
    private final FakePaymentProcessor processor = new FakePaymentProcessor(world.rollbackTransactions()::isActive);
    private final SettlementService settlement = new SettlementService(world.settlement, processor, world.payments,
            world.mover, world.transactions, world.clock, new SettlementSettings(10, Duration.ofSeconds(30),
            Duration.ZERO, CHECK_EVERY, Duration.ofSeconds(10)), new InlineSlots(1));
    private final Business shop = world.autoBusiness();
    private final Payment first = world.completedPayment(shop, "500.00");
    private final Payment second = world.completedPayment(shop, "500.00");

    @Test
    void a_batch_over_several_payments_is_claimed_in_one_transaction_and_recorded_in_one_more() {
        List<Refund> refunds = List.of(world.refund(shop, second, "10.00"), world.refund(shop, first, "20.00"),
                world.refund(shop, second, "30.00"), world.refund(shop, first, "40.00"));
        int before = world.rollbackTransactions().started();

        assertThat(settlement.sendDue()).isEqualTo(4);

        assertThat(world.rollbackTransactions().started() - before).isEqualTo(2);
        assertThat(processor.submittedIds()).as("each sent once, oldest first")
                .containsExactlyElementsOf(refunds.stream().map(Refund::id).toList());
        assertThat(refunds).allSatisfy(refund ->
                assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.PROCESSING));
        assertThat(world.outbox.types()).filteredOn(type -> type == RefundEventType.REFUND_PROCESSING).hasSize(4);
        assertThat(processor.callsInsideTransactions()).isZero();
    }

    @Test
    void a_batch_of_checks_is_claimed_in_one_transaction_and_its_settlements_written_in_one_more() {
        List<Refund> refunds = List.of(world.refund(shop, first, "10.00"), world.refund(shop, second, "20.00"),
                world.refund(shop, first, "30.00"));
        settlement.sendDue();
        refunds.forEach(refund -> processor.answer(refund.id(), new ProcessorStatus.Succeeded(Optional.of("ARN"))));
        int before = world.rollbackTransactions().started();

        assertThat(settlement.checkDue()).isEqualTo(3);

        assertThat(world.rollbackTransactions().started() - before).isEqualTo(2);
        assertThat(refunds).allSatisfy(refund ->
                assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED));
        assertThat(world.storedPayment(first).refunded()).isEqualTo(FakeWorld.bdt("40.00"));
        assertThat(world.storedPayment(second).refunded()).isEqualTo(FakeWorld.bdt("20.00"));
    }

    @Test
    void checks_that_find_nothing_new_write_nothing_but_their_claims() {
        Refund pending = world.refund(shop, first, "10.00");
        Refund completed = world.refund(shop, second, "20.00");
        settlement.sendDue();
        processor.answer(completed.id(), new ProcessorStatus.Succeeded(Optional.of("ARN")));
        settlement.checkDue();
        world.clock.advance(CHECK_EVERY.multipliedBy(2));
        int before = world.rollbackTransactions().started();
        int events = world.outbox.types().size();

        assertThat(settlement.checkDue()).as("both asked again").isEqualTo(2);

        assertThat(world.rollbackTransactions().started() - before).as("the claims' transaction only").isEqualTo(1);
        assertThat(world.outbox.types()).hasSize(events);
        assertThat(world.storedRefund(pending).status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(world.storedRefund(completed).status()).isEqualTo(RefundStatus.COMPLETED);
    }
}
