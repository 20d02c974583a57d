package dev.refunds.application.refund;

import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class ReviewRefundService implements ReviewRefundUseCase {
    private final RefundRepository refunds;
    private final RefundMover mover;
    private final Transactions transactions;
    private final Clock clock;

    public ReviewRefundService(RefundRepository refunds, RefundMover mover, Transactions transactions, Clock clock) {
        this.refunds = refunds;
        this.mover = mover;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Decision<RefundChange> approve(RefundId refundId, String reviewer) {
        return decide(refundId, RefundStatus.INITIATED, Optional.empty(), reviewer);
    }

    @Override
    public Decision<RefundChange> reject(RefundId refundId, Optional<String> reason, String reviewer) {
        return decide(refundId, RefundStatus.REJECTED, reason, reviewer);
    }

    private Decision<RefundChange> decide(RefundId refundId, RefundStatus next, Optional<String> note,
                                          String reviewer) {
        return transactions.inTransaction(() -> {
            Optional<Refund> refund = refunds.findAnyById(refundId);
            if (refund.isEmpty()) {
                return Decision.refused(RefusalCode.REFUND_NOT_FOUND, "No refund " + refundId);
            }
            if (refund.get().status() != RefundStatus.PENDING_REVIEW) {
                return Decision.refused(RefusalCode.INVALID_STATE, "Refund " + refundId + " is "
                        + refund.get().status() + "; only a PENDING_REVIEW refund can be reviewed");
            }
            Instant now = clock.instant();
            return mover.change(refund.get(), now, current -> current.payment()
                    .moveRefund(current.refund(), next, note, now)
                    .map(moved -> new RefundChange(moved.payment(), moved.refund().reviewedBy(reviewer))));
        });
    }
}
