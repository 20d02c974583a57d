package dev.refunds.application.contract;

import dev.refunds.application.settlement.SettlementQueue.DueCheck;
import dev.refunds.domain.business.Business;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.refunds.application.contract.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link dev.refunds.application.settlement.SettlementQueue} does: an {@code INITIATED} refund is due for sending
 * until claimed and again once the claim's lease ran out; a scheduled check is due from its time on, taken by one
 * worker, and gone once stopped. The queue spans every business, so each test looks only at its own refunds.
 */
public abstract class SettlementQueueContract {
    private static final int EVERY = 10_000;

    protected abstract Storage storage();

    private Refund stored(Business shop, RefundStatus status) {
        Payment payment = Rows.paidPayment(shop, T0);
        Refund refund = Rows.refund(payment, 1_000, status, T0);
        storage().inTransaction(() -> {
            storage().payments().insert(payment);
            storage().refunds().insert(refund);
        });
        return refund;
    }

    private List<RefundId> dueForSending(Business shop, Instant now) {
        return storage().settlement().dueForSending(now, EVERY).stream()
                .filter(refund -> refund.businessId().equals(shop.id())).map(Refund::id).toList();
    }

    private List<DueCheck> dueForCheck(Business shop, Instant now) {
        return storage().settlement().dueForCheck(now, EVERY).stream()
                .filter(due -> due.refund().businessId().equals(shop.id())).toList();
    }

    private boolean claimed(Refund refund) {
        return storage().inTransaction(() -> storage().settlement().isClaimed(refund.id()));
    }

    @Test
    void initiated_refunds_are_due_for_sending_in_the_order_stored_and_no_others() {
        Business shop = Rows.business(storage());
        Refund first = stored(shop, RefundStatus.INITIATED);
        stored(shop, RefundStatus.PENDING_REVIEW);
        Refund second = stored(shop, RefundStatus.INITIATED);

        assertThat(dueForSending(shop, T0)).containsExactly(first.id(), second.id());
    }

    @Test
    void a_claimed_refund_is_not_due_until_its_lease_runs_out_and_is_then_claimed_again() {
        Business shop = Rows.business(storage());
        Refund refund = stored(shop, RefundStatus.INITIATED);
        Instant leaseUntil = T0.plusSeconds(30);
        assertThat(claimed(refund)).isFalse();

        assertThat(storage().inTransaction(() -> storage().settlement().claimForSending(refund.id(), T0, leaseUntil)))
                .isTrue();
        assertThat(claimed(refund)).isTrue();
        assertThat(storage().inTransaction(() -> storage().settlement().claimForSending(refund.id(),
                T0.plusSeconds(1), leaseUntil.plusSeconds(1)))).as("a second worker, lease running").isFalse();
        assertThat(dueForSending(shop, T0.plusSeconds(29))).isEmpty();

        Instant afterLease = leaseUntil.plusSeconds(1);
        assertThat(dueForSending(shop, afterLease)).containsExactly(refund.id());
        assertThat(storage().inTransaction(() -> storage().settlement().claimForSending(refund.id(), afterLease,
                afterLease.plusSeconds(30)))).isTrue();
        assertThat(claimed(refund)).isTrue();
    }

    @Test
    void a_refund_no_longer_initiated_cannot_be_claimed() {
        Business shop = Rows.business(storage());
        Refund refund = stored(shop, RefundStatus.PENDING_REVIEW);

        assertThat(storage().inTransaction(() -> storage().settlement().claimForSending(refund.id(), T0,
                T0.plusSeconds(30)))).isFalse();
        assertThat(claimed(refund)).isFalse();
    }

    @Test
    void a_scheduled_check_is_due_from_its_time_and_one_worker_takes_it() {
        Business shop = Rows.business(storage());
        Refund later = stored(shop, RefundStatus.PROCESSING);
        Refund sooner = stored(shop, RefundStatus.PROCESSING);
        storage().inTransaction(() -> {
            storage().settlement().scheduleCheck(later.id(), T0.plusSeconds(20));
            storage().settlement().scheduleCheck(sooner.id(), T0.plusSeconds(10));
        });

        assertThat(dueForCheck(shop, T0.plusSeconds(9))).isEmpty();
        List<DueCheck> due = dueForCheck(shop, T0.plusSeconds(20));
        assertThat(due).extracting(check -> check.refund().id()).containsExactly(sooner.id(), later.id());
        assertThat(due.get(0).dueAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(due.get(0).attempts()).isZero();

        Instant next = T0.plusSeconds(60);
        assertThat(storage().inTransaction(() -> storage().settlement().claimCheck(sooner.id(),
                T0.plusSeconds(10), next))).isTrue();
        assertThat(storage().inTransaction(() -> storage().settlement().claimCheck(sooner.id(),
                T0.plusSeconds(10), next.plusSeconds(1)))).as("the same due check, taken already").isFalse();
        assertThat(dueForCheck(shop, T0.plusSeconds(20))).extracting(check -> check.refund().id())
                .containsExactly(later.id());
        List<DueCheck> afterClaim = dueForCheck(shop, next);
        assertThat(afterClaim).extracting(check -> check.refund().id()).containsExactly(later.id(), sooner.id());
        assertThat(afterClaim.get(1).attempts()).isEqualTo(1);
    }

    @Test
    void a_stopped_check_is_never_due_again() {
        Business shop = Rows.business(storage());
        Refund refund = stored(shop, RefundStatus.PROCESSING);
        storage().inTransaction(() -> storage().settlement().scheduleCheck(refund.id(), T0));

        storage().inTransaction(() -> storage().settlement().stopChecks(refund.id()));

        assertThat(dueForCheck(shop, T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void a_check_whose_refund_failed_meanwhile_is_neither_due_nor_taken() {
        Business shop = Rows.business(storage());
        Refund refund = stored(shop, RefundStatus.PROCESSING);
        storage().inTransaction(() -> storage().settlement().scheduleCheck(refund.id(), T0));
        storage().inTransaction(() -> storage().refunds().update(Rows.declined(refund, T0.plusSeconds(1))));

        assertThat(dueForCheck(shop, T0.plusSeconds(10))).isEmpty();
        assertThat(storage().inTransaction(() -> storage().settlement().claimCheck(refund.id(), T0,
                T0.plusSeconds(60)))).isFalse();
    }
}
