package dev.refunds.rest.admin;

import dev.refunds.application.admin.PaymentDetail;
import dev.refunds.application.view.PaymentView;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code {payment, businessId, refunds, disputes, events}}: one payment with what an operator looks at. */
@Serdeable
record PaymentDetailView(PaymentView payment, String businessId, List<AdminRefundView> refunds,
                         List<DisputeView> disputes, List<EventView> events) {

    static PaymentDetailView of(PaymentDetail detail) {
        return new PaymentDetailView(PaymentView.of(detail.payment()), detail.payment().businessId().value(),
                detail.refunds().stream().map(AdminRefundView::of).toList(),
                detail.disputes().stream().map(DisputeView::of).toList(),
                detail.events().stream().map(EventView::of).toList());
    }

    /** {@code {eventId, type, refundId, at}}: one entry of the timeline, oldest first. */
    @Serdeable
    record EventView(String eventId, String type, String refundId, String at) {
        static EventView of(PaymentDetail.TimelineEvent event) {
            return new EventView(event.eventId(), event.type(), event.refundId(), event.at().toString());
        }
    }
}
