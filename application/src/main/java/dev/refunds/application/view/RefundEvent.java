package dev.refunds.application.view;

import dev.refunds.application.event.EventSubject;
import dev.refunds.application.event.OutboxEvent;
import dev.refunds.domain.business.BusinessId;
import dev.refunds.domain.payment.RefundChange;
import dev.refunds.domain.payment.RefundStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A refund event with the snapshot of the refund and its payment taken in the transaction that caused it. */
public record RefundEvent(String eventId, RefundEventType type, BusinessId businessId, Instant occurredAt,
                          RefundView refund, PaymentView payment) implements OutboxEvent {

    public RefundEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(payment, "payment");
    }

    @Override
    public String typeName() {
        return type.wireName();
    }

    @Override
    public EventSubject subject() {
        return new EventSubject(EventSubject.REFUND, refund.refundId());
    }

    @Override
    public Optional<String> paymentId() {
        return Optional.of(payment.paymentId());
    }

    /** {@code {"type", "timestamp", "data": {"refund", "payment"}}}: the snapshots serialise as their views. */
    @Override
    public Map<String, Object> body() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("refund", refund);
        data.put("payment", payment);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wireName());
        body.put("timestamp", occurredAt.toString());
        body.put("data", data);
        return body;
    }

    public static RefundEvent of(String eventId, RefundEventType type, RefundChange change, Instant now) {
        return new RefundEvent(eventId, type, change.payment().businessId(), now, RefundView.of(change.refund()),
                PaymentView.of(change.payment()));
    }

    /** The event a refund reaching {@code status} announces. */
    public static RefundEventType typeFor(RefundStatus status) {
        return switch (status) {
            case PENDING_REVIEW -> RefundEventType.REFUND_CREATED;
            case INITIATED -> RefundEventType.REFUND_APPROVED;
            case REJECTED -> RefundEventType.REFUND_REJECTED;
            case CANCELLED -> RefundEventType.REFUND_CANCELLED;
            case PROCESSING -> RefundEventType.REFUND_PROCESSING;
            case COMPLETED -> RefundEventType.PAYMENT_REFUNDED;
            case FAILED -> RefundEventType.PAYMENT_REFUND_FAILED;
            case REVERSED -> RefundEventType.PAYMENT_REFUND_REVERSED;
        };
    }
}
