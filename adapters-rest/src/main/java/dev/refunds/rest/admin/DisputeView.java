package dev.refunds.rest.admin;

import dev.refunds.rest.schema.Formats;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.domain.payment.Dispute;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {disputeId, paymentId, status, reason, openedAt, closedAt}}. */
@Serdeable
record DisputeView(@Schema(pattern = Formats.ID, example = "DSP_20260517_A1B2C3D4E5") String disputeId,
        @Schema(pattern = Formats.PAYMENT_ID) String paymentId,
        @Schema(allowableValues = {"OPEN", "WON", "LOST"}) String status,
        @Schema(example = "customer says it never arrived") String reason,
        @Schema(format = Formats.DATE_TIME) String openedAt,
        @Nullable @Schema(format = Formats.DATE_TIME) String closedAt) {
    static DisputeView of(Dispute dispute) {
        return new DisputeView(dispute.id().value(), dispute.paymentId().value(), dispute.status().name(),
                dispute.reason(), dispute.openedAt().toString(), dispute.closedAt().map(Object::toString).orElse(null));
    }
}
