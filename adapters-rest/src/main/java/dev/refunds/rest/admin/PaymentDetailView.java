package dev.refunds.rest.admin;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import dev.refunds.rest.schema.AdminRefundSchema;
import io.micronaut.core.annotation.Nullable;
import dev.refunds.rest.schema.Formats;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.refunds.application.admin.PaymentDetail;
import dev.refunds.application.view.PaymentView;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code {payment, businessId, refunds, disputes, events}}: one payment with what an operator looks at. */
@Serdeable
record PaymentDetailView(@Schema(name = "payment", ref = "#/components/schemas/Payment") PaymentView payment,
        @Schema(pattern = Formats.ID, example = "HB_71c4a09e3f52") String businessId,
        @ArraySchema(schema = @Schema(implementation = AdminRefundSchema.class)) List<AdminRefundView> refunds,
        List<DisputeView> disputes, List<EventView> events) {

    static PaymentDetailView of(PaymentDetail detail) {
        return new PaymentDetailView(PaymentView.of(detail.payment()), detail.payment().businessId().value(),
                detail.refunds().stream().map(AdminRefundView::of).toList(),
                detail.disputes().stream().map(DisputeView::of).toList(),
                detail.events().stream().map(EventView::of).toList());
    }

    /** {@code {eventId, type, refundId, at}}: one entry of the timeline, oldest first. */
    @Serdeable
    @Schema(name = "PaymentTimelineEvent")
    record EventView(String eventId,
            @Schema(example = "refund.created") String type,
            @Nullable @Schema(pattern = Formats.REFUND_ID) String refundId,
            @Schema(format = Formats.DATE_TIME) String at) {
        static EventView of(PaymentDetail.TimelineEvent event) {
            return new EventView(event.eventId(), event.type(), event.refundId(), event.at().toString());
        }
    }
}
