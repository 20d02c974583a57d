package dev.refunds.application.refund;

import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;

import java.util.Optional;

/** An admin decides a refund waiting in {@code PENDING_REVIEW}. */
public interface ReviewRefundUseCase {
    Decision<RefundChange> approve(RefundId refundId);

    Decision<RefundChange> reject(RefundId refundId, Optional<String> reason);
}
