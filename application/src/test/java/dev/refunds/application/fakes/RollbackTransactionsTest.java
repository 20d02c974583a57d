package dev.refunds.application.fakes;

import dev.refunds.domain.business.Business;
import dev.refunds.domain.business.RefundMode;
import dev.refunds.domain.business.RefundPolicy;
import dev.refunds.domain.business.ReviewMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fakes the use-case tests lean on behave like the database they stand for. */
class RollbackTransactionsTest {
    private final FakeWorld world = FakeWorld.withRollback();

    @Test
    void work_that_throws_leaves_every_fake_as_it_was() {
        Business business = world.autoBusiness();
        world.completedPayment(business, "100.00");
        FakeWorld.State before = world.state();

        assertThatThrownBy(() -> world.transactions.inTransaction(() -> {
            world.pendingPayment(business, "5.00");
            world.autoBusiness();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(world.state()).isEqualTo(before);
        assertThat(world.rollbackTransactions().rolledBack()).isEqualTo(1);
    }

    @Test
    void nested_work_joins_the_outer_transaction_and_is_rolled_back_with_it() {
        Business business = world.autoBusiness();
        FakeWorld.State before = world.state();

        assertThatThrownBy(() -> world.transactions.inTransaction(() -> {
            world.pendingPayment(business, "5.00");
            assertThat(world.payments.all()).hasSize(1);
            throw new IllegalStateException("outer fails after the inner committed nothing of its own");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(world.state()).isEqualTo(before);
    }

    @Test
    void a_write_outside_a_transaction_is_refused_by_the_fakes() {
        Business business = new Business(world.ids.newBusinessId(), world.ids.newClientId(), "Loose",
                RefundPolicy.of(ReviewMode.AUTO, RefundMode.MULTIPLE), Instant.EPOCH);

        assertThatThrownBy(() -> world.businesses.insert(business, "hash:x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
    }

    @Test
    void sequential_ids_follow_the_documented_formats() {
        SequentialIdGenerator ids = new SequentialIdGenerator();
        Instant now = Instant.parse("2026-05-17T23:59:59Z");

        assertThat(ids.newPaymentId(now).value()).isEqualTo("PAY_20260517_0000000001");
        assertThat(ids.newRefundId(now).value()).isEqualTo("REF_20260517_0000000001");
        assertThat(ids.newDisputeId(now).value()).isEqualTo("DSP_20260517_0000000001");
        assertThat(ids.newBusinessId().value()).isEqualTo("HB_000000000001");
        assertThat(ids.newClientId().value()).isEqualTo("HM_000000000001");
        assertThat(ids.newEventId()).matches("evt_[0-9a-f]{24}");
        assertThat(ids.newApiKey()).matches("[0-9a-f]{64}");
        assertThat(ids.newPayId()).isPositive();
    }
}
