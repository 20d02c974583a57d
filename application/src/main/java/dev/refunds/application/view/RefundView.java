package dev.refunds.application.view;

import dev.refunds.domain.payment.FailureCode;
import dev.refunds.domain.payment.Refund;

import java.util.Map;

/** A refund as API clients and webhook subscribers see it. */
public record RefundView(String refundId, String paymentId, String amount, String currency, String status,
                         String reason, String merchantRef, String rejectReason, String failureReason,
                         String initiatedAt, String completedAt, String failureCode, String processorReference,
                         String acquirerReference, String reversedAt, Map<String, String> metadata,
                         String reviewedBy) {

    public static RefundView of(Refund refund) {
        return new RefundView(refund.id().value(), refund.paymentId().value(), refund.amount().toPlainString(),
                refund.amount().currency().getCurrencyCode(), refund.status().name(), refund.reason(),
                refund.merchantRef().orElse(null), refund.rejectReason().orElse(null),
                refund.failureReason().orElse(null), refund.initiatedAt().toString(),
                refund.completedAt().map(Object::toString).orElse(null),
                refund.failureCode().map(FailureCode::wireName).orElse(null),
                refund.processorReference().orElse(null), refund.acquirerReference().orElse(null),
                refund.reversedAt().map(Object::toString).orElse(null), refund.metadata().entries(),
                refund.reviewedBy().orElse(null));
    }
}
