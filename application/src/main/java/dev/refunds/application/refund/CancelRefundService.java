package dev.refunds.application.refund;

import dev.refunds.application.settlement.SettlementQueue;
import dev.refunds.application.shared.Transactions;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.PaymentId;
import dev.refunds.domain.payment.Refund;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;
import dev.refunds.domain.payment.RefundStatus;
import dev.refunds.domain.payment.Refusal;
import dev.refunds.domain.payment.RefusalCode;

import java.time.Clock;
import java.util.Optional;

public final class CancelRefundService implements CancelRefundUseCase {
    private final RefundRepository refunds;
    private final RefundMover mover;
    private final SettlementQueue settlement;
    private final Transactions transactions;
    private final Clock clock;

    public CancelRefundService(RefundRepository refunds, RefundMover mover, SettlementQueue settlement,
                               Transactions transactions, Clock clock) {
        this.refunds = refunds;
        this.mover = mover;
        this.settlement = settlement;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** An {@code INITIATED} refund already claimed by the settlement worker may be at the processor. */
    private Optional<Refusal> sentToProcessor(Refund refund) {
        if (refund.status() == RefundStatus.INITIATED && settlement.isClaimed(refund.id())) {
            return Optional.of(Refusal.of(RefusalCode.INVALID_STATE, "Refund " + refund.id()
                    + " was already sent to the processor; it can no longer be cancelled"));
        }
        return Optional.empty();
    }

    @Override
    public Decision<RefundChange> cancel(BusinessId businessId, PaymentId paymentId, RefundId refundId) {
        return transactions.inTransaction(() -> {
            Optional<Refund> refund = refunds.findById(businessId, refundId)
                    .filter(found -> found.paymentId().equals(paymentId));
            if (refund.isEmpty()) {
                return Decision.refused(RefusalCode.REFUND_NOT_FOUND, "No refund " + refundId);
            }
            return mover.move(refund.get(), RefundStatus.CANCELLED, Optional.empty(), clock.instant(),
                    this::sentToProcessor);
        });
    }
}
