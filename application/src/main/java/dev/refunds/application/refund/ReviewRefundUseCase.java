package dev.refunds.application.refund;

import dev.refunds.domain.payment.Decision;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundId;

import java.util.Optional;

/**
 * An admin decides a refund waiting in {@code PENDING_REVIEW}; the refund keeps the reviewer's name
 * ({@code reviewedBy}) from then on, in its views and in the event announcing the decision.
 */
public interface ReviewRefundUseCase {
    Decision<RefundChange> approve(RefundId refundId, String reviewer);

    Decision<RefundChange> reject(RefundId refundId, Optional<String> reason, String reviewer);
}
