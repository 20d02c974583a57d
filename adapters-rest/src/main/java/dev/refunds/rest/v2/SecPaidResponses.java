package dev.refunds.rest.v2;

import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;

/** The success envelopes of v2 (the OpenAPI document's schemas). */
final class SecPaidResponses {
    private SecPaidResponses() {
    }

    @Schema(name = "SecPaidRequestedRefundResponse")
    record RequestedResponse(@Schema(allowableValues = Formats.SUCCESS) String status, SecPaidView.Requested data) {
    }

    @Schema(name = "SecPaidRefundResponse")
    record RefundResponse(@Schema(allowableValues = Formats.SUCCESS) String status, SecPaidView data) {
    }
}
