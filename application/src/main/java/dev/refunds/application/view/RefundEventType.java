package dev.refunds.application.view;

/** Webhook event types; {@link #wireName()} is what subscribers see. */
public enum RefundEventType {
    REFUND_CREATED("refund.created"),
    REFUND_APPROVED("refund.approved"),
    REFUND_REJECTED("refund.rejected"),
    REFUND_CANCELLED("refund.cancelled"),
    REFUND_PROCESSING("refund.processing"),
    PAYMENT_REFUNDED("payment.refunded"),
    PAYMENT_REFUND_FAILED("payment.refund_failed"),
    PAYMENT_REFUND_REVERSED("payment.refund_reversed");

    private final String wireName;

    RefundEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
