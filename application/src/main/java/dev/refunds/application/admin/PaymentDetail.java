package dev.refunds.application.admin;

import dev.refunds.domain.payment.Dispute;
import dev.refunds.domain.payment.Payment;
import dev.refunds.domain.payment.Refund;

import java.time.Instant;
import java.util.List;

/** A payment with everything an operator looks at: its refunds, disputes and event timeline, oldest first. */
public record PaymentDetail(Payment payment, List<Refund> refunds, List<Dispute> disputes,
                            List<TimelineEvent> events) {

    /** One outbox event of the payment: what happened to which refund, and when. */
    public record TimelineEvent(String eventId, String type, String refundId, Instant at) {
    }
}
