package dev.refunds.application.settlement;

import dev.refunds.application.fakes.FakeWorld;
import dev.refunds.application.fakes.InlineSlots;
import dev.refunds.application.reconciliation.Discrepancy;
import dev.refunds.application.reconciliation.DiscrepancyKind;
import dev.refunds.application.reconciliation.DiscrepancyStatus;
import dev.refunds.application.reconciliation.ReconciliationService;
import dev.refunds.application.reconciliation.ReconciliationService.ReconciliationSettings;
import dev.refunds.application.settlement.SettlementService.SettlementSettings;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.refunds.application.fakes.FakeWorld.bdt;
import static org.assertj.core.api.Assertions.assertThat;

/** The job's window, claim and bounds against in-memory ports; each kind on a real database is the bootstrap's. */
class ReconciliationServiceTest {
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final FakeWorld world = FakeWorld.direct();
    private final FakePaymentProcessor processor = new FakePaymentProcessor(() -> false);
    private final InMemoryReconciliation books = new InMemoryReconciliation(world.refunds);
    private final SettlementService settlement = new SettlementService(world.settlement, processor, world.payments,
            world.mover, world.transactions, world.clock, new SettlementSettings(5, Duration.ofSeconds(30),
            Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10)), new InlineSlots(1));
    private final SyncRefundService sync = new SyncRefundService(world.refunds, world.payments, processor, world.mover,
            world.transactions, world.clock);
    private final AtomicInteger ids = new AtomicInteger();
    private final Business shop = world.autoBusiness();
    private final Payment paid = world.completedPayment(shop, "500.00");

    private ReconciliationService job(int pageSize, int itemsPerRunMax) {
        return new ReconciliationService(books, processor, world.refunds, books, books, sync,
                world.transactions, world.clock, () -> "DSC_" + ids.incrementAndGet(),
                new ReconciliationSettings("instance-1", Duration.ofMinutes(5), GRACE, pageSize, itemsPerRunMax));
    }

    @Test
    void a_settlement_inside_the_grace_is_compared_only_once_the_grace_has_passed() {
        RefundId phantom = new RefundId("REF_PHANTOM_1");
        processor.settle(phantom, bdt("5.00"), true, world.clock.instant());
        ReconciliationService job = job(10, 100);

        assertThat(job.runOnce()).isEmpty();
        world.clock.advance(GRACE.plusSeconds(1));
        List<Discrepancy> found = job.runOnce();

        assertThat(found).extracting(Discrepancy::kind).containsExactly(DiscrepancyKind.UNKNOWN_TO_US);
        assertThat(books.checkpoint()).isEqualTo(world.clock.instant().minus(GRACE));
        assertThat(job.runOnce()).isEmpty();
    }

    @Test
    void while_another_instance_holds_the_lease_a_run_compares_nothing_and_keeps_the_checkpoint() {
        processor.settle(new RefundId("REF_PHANTOM_2"), bdt("5.00"), true, world.clock.instant());
        world.clock.advance(GRACE.plusSeconds(1));
        Instant now = world.clock.instant();
        assertThat(books.claim("instance-2", now, now.plusSeconds(60))).isPresent();

        assertThat(job(10, 100).runOnce()).isEmpty();

        assertThat(books.stored()).isEmpty();
        assertThat(books.checkpoint()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void a_run_stops_at_its_bound_and_the_next_run_goes_on_from_there_without_duplicates() {
        for (int i = 0; i < 7; i++) {
            processor.settle(new RefundId("REF_PHANTOM_B" + i), bdt("1.00"), true, world.clock.advance(
                    Duration.ofSeconds(1)));
        }
        world.clock.advance(GRACE.plusSeconds(1));
        ReconciliationService job = job(2, 4);

        assertThat(job.runOnce()).hasSize(4);
        assertThat(job.runOnce()).hasSize(3);

        assertThat(books.stored()).extracting(d -> d.refundId().value()).doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void the_safe_kind_moves_the_refund_to_completed_through_the_settlement_path_and_is_recorded_resolved() {
        Refund refund = world.refund(shop, paid, "200.00");
        settlement.sendDue();
        processor.settle(refund.id(), bdt("200.00"), true, world.clock.instant());
        world.clock.advance(GRACE.plusSeconds(1));

        List<Discrepancy> found = job(10, 100).runOnce();

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.STATUS_MISMATCH);
            assertThat(d.status()).isEqualTo(DiscrepancyStatus.RESOLVED);
        });
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
        assertThat(world.storedPayment(paid).refunded()).isEqualTo(bdt("200.00"));
    }

    @Test
    void a_refund_completed_in_the_books_that_the_processor_failed_is_a_status_mismatch_left_open() {
        Refund refund = world.refund(shop, paid, "50.00");
        settlement.sendDue();
        processor.settle(refund.id(), bdt("50.00"), true, world.clock.instant());
        sync.sync(shop.id(), paid.id(), refund.id());
        processor.settle(refund.id(), bdt("50.00"), false, world.clock.instant());
        world.clock.advance(GRACE.plusSeconds(1));

        List<Discrepancy> found = job(10, 100).runOnce();

        assertThat(found).extracting(Discrepancy::kind, Discrepancy::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DiscrepancyKind.STATUS_MISMATCH,
                        DiscrepancyStatus.OPEN));
        assertThat(world.storedRefund(refund).status()).isEqualTo(RefundStatus.COMPLETED);
    }
}
