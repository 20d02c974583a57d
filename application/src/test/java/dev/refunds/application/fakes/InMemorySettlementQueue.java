package dev.refunds.application.fakes;

import dev.refunds.application.settlement.SettlementQueue;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The settlement bookkeeping in memory, over the refunds of an {@link InMemoryRefundRepository}. */
public final class InMemorySettlementQueue implements SettlementQueue, Snapshottable {
    private final InMemoryRefundRepository refunds;
    private final Map<RefundId, Claim> claims = new HashMap<>();
    private final Map<RefundId, Check> checks = new HashMap<>();

    private record Claim(Instant claimedAt, Instant leaseUntil) {
    }

    private record Check(Instant dueAt, int attempts) {
    }

    public InMemorySettlementQueue(InMemoryRefundRepository refunds) {
        this.refunds = refunds;
    }

    @Override
    public synchronized List<Refund> dueForSending(Instant now, int max) {
        return refunds.all().stream()
                .filter(refund -> refund.status() == RefundStatus.INITIATED)
                .filter(refund -> !claims.containsKey(refund.id()) || claims.get(refund.id()).leaseUntil().isBefore(now))
                .limit(max).toList();
    }

    @Override
    public synchronized boolean claimForSending(RefundId refundId, Instant now, Instant leaseUntil) {
        Refund refund = refunds.get(refundId).orElse(null);
        Claim claim = claims.get(refundId);
        if (refund == null || refund.status() != RefundStatus.INITIATED
                || (claim != null && !claim.leaseUntil().isBefore(now))) {
            return false;
        }
        claims.put(refundId, new Claim(claim == null ? now : claim.claimedAt(), leaseUntil));
        return true;
    }

    @Override
    public synchronized boolean isClaimed(RefundId refundId) {
        return claims.containsKey(refundId);
    }

    @Override
    public synchronized void scheduleCheck(RefundId refundId, Instant at) {
        checks.put(refundId, new Check(at, 0));
    }

    @Override
    public synchronized List<DueCheck> dueForCheck(Instant now, int max) {
        return refunds.all().stream()
                .filter(refund -> (refund.status() == RefundStatus.PROCESSING
                        || refund.status() == RefundStatus.COMPLETED) && checks.containsKey(refund.id()))
                .filter(refund -> !checks.get(refund.id()).dueAt().isAfter(now))
                .sorted(Comparator.comparing(refund -> checks.get(refund.id()).dueAt()))
                .limit(max)
                .map(refund -> new DueCheck(refund, checks.get(refund.id()).dueAt(), checks.get(refund.id()).attempts()))
                .toList();
    }

    @Override
    public synchronized boolean claimCheck(RefundId refundId, Instant dueAt, Instant nextAt) {
        Check check = checks.get(refundId);
        RefundStatus status = refunds.get(refundId).map(Refund::status).orElse(null);
        if (check == null || !check.dueAt().equals(dueAt)
                || (status != RefundStatus.PROCESSING && status != RefundStatus.COMPLETED)) {
            return false;
        }
        checks.put(refundId, new Check(nextAt, check.attempts() + 1));
        return true;
    }

    @Override
    public synchronized void stopChecks(RefundId refundId) {
        checks.remove(refundId);
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<RefundId, Claim> savedClaims = new HashMap<>(claims);
        Map<RefundId, Check> savedChecks = new HashMap<>(checks);
        return () -> {
            synchronized (this) {
                claims.clear();
                claims.putAll(savedClaims);
                checks.clear();
                checks.putAll(savedChecks);
            }
        };
    }
}
