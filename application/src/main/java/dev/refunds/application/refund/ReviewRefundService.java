package dev.refunds.application.refund;

import dev.refunds.application.port.RefundRepository;
import dev.refunds.application.port.Transactions;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
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
    public Decision<RefundChange> approve(RefundId refundId) {
        return decide(refundId, RefundStatus.INITIATED, Optional.empty());
    }

    @Override
    public Decision<RefundChange> reject(RefundId refundId, Optional<String> reason) {
        return decide(refundId, RefundStatus.REJECTED, reason);
    }

    private Decision<RefundChange> decide(RefundId refundId, RefundStatus next, Optional<String> note) {
        return transactions.inTransaction(() -> {
            Optional<Refund> refund = refunds.findAnyById(refundId);
            if (refund.isEmpty()) {
                return Decision.refused(RefusalCode.REFUND_NOT_FOUND, "No refund " + refundId);
            }
            if (refund.get().status() != RefundStatus.PENDING_REVIEW) {
                return Decision.refused(RefusalCode.INVALID_STATE, "Refund " + refundId + " is "
                        + refund.get().status() + "; only a PENDING_REVIEW refund can be reviewed");
            }
            return mover.move(refund.get(), next, note, clock.instant());
        });
    }
}
