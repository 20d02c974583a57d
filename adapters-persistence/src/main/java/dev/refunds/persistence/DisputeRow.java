package dev.refunds.persistence;

import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.DisputeId;
import dev.refunds.domain.payment.DisputeStatus;
import dev.refunds.domain.payment.PaymentId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code disputes}. */
@MappedEntity(value = "disputes", escape = false)
record DisputeRow(@Id String disputeId, String paymentId, String businessId, String status, String reason,
                  long openedAtMs, @Nullable Long closedAtMs) {

    static DisputeRow of(Dispute dispute) {
        return new DisputeRow(dispute.id().value(), dispute.paymentId().value(), dispute.businessId().value(),
                dispute.status().name(), dispute.reason(), Times.millis(dispute.openedAt()),
                dispute.closedAt().map(Times::millis).orElse(null));
    }

    Dispute toDomain() {
        return new Dispute(new DisputeId(disputeId), new PaymentId(paymentId), new BusinessId(businessId),
                DisputeStatus.valueOf(status), reason, Times.instant(openedAtMs), Times.optionalInstant(closedAtMs));
    }
}
