package dev.refunds.persistence;

import dev.refunds.application.settlement.SettlementQueue;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

@DatabaseBoundary
@Singleton
class JdbcSettlementQueue implements SettlementQueue {
    private final SettlementRows rows;

    JdbcSettlementQueue(SettlementRows rows) {
        this.rows = rows;
    }

    @Override
    public List<Refund> dueForSending(Instant now, int max) {
        return rows.dueForSending(Times.millis(now), max).stream().map(RefundRow::toDomain).toList();
    }

    @Override
    public boolean claimForSending(RefundId refundId, Instant now, Instant leaseUntil) {
        return rows.claimForSending(refundId.value(), Times.millis(now), Times.millis(leaseUntil)) == 1;
    }

    @Override
    public boolean isClaimed(RefundId refundId) {
        return rows.claimedAt(refundId.value()).isPresent();
    }

    @Override
    public void scheduleCheck(RefundId refundId, Instant at) {
        rows.scheduleCheck(refundId.value(), Times.millis(at));
    }

    @Override
    public List<DueCheck> dueForCheck(Instant now, int max) {
        return rows.dueForCheck(Times.millis(now), max).stream().map(row -> new DueCheck(row.refund().toDomain(),
                Times.instant(row.nextCheckAtMs()), row.checkAttempts())).toList();
    }

    @Override
    public void stopChecks(RefundId refundId) {
        rows.stopChecks(refundId.value());
    }

    @Override
    public boolean claimCheck(RefundId refundId, Instant dueAt, Instant nextAt) {
        return rows.claimCheck(refundId.value(), Times.millis(dueAt), Times.millis(nextAt)) == 1;
    }
}
