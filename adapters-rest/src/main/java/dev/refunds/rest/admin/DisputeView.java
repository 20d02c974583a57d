package dev.refunds.rest.admin;

import dev.refunds.domain.payment.Dispute;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {disputeId, paymentId, status, reason, openedAt, closedAt}}. */
@Serdeable
record DisputeView(String disputeId, String paymentId, String status, String reason, String openedAt,
                   String closedAt) {
    static DisputeView of(Dispute dispute) {
        return new DisputeView(dispute.id().value(), dispute.paymentId().value(), dispute.status().name(),
                dispute.reason(), dispute.openedAt().toString(), dispute.closedAt().map(Object::toString).orElse(null));
    }
}
