package dev.refunds.rest.admin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.payment.Refund;
import io.micronaut.serde.annotation.Serdeable;

/** A refund as operators see it: every field merchants see (who reviewed it among them), and its business. */
@Serdeable
record AdminRefundView(@JsonUnwrapped RefundView refund, String businessId) {
    static AdminRefundView of(Refund refund) {
        return new AdminRefundView(RefundView.of(refund), refund.businessId().value());
    }
}
