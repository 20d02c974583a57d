package dev.refunds.rest.admin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.refunds.application.view.RefundView;
import dev.refunds.domain.payment.Refund;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** A refund as operators see it: every field merchants see, its business, and who reviewed it. */
@Serdeable
record AdminRefundView(@JsonUnwrapped RefundView refund, String businessId, String reviewedBy) {
    static AdminRefundView of(Refund refund, Map<String, String> reviewers) {
        return new AdminRefundView(RefundView.of(refund), refund.businessId().value(),
                reviewers.get(refund.id().value()));
    }
}
