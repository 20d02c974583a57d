package dev.refunds.domain.payment;

/** Why the domain said no. Each maps to one API error; refusals are values, never exceptions. */
public enum RefusalCode {
    PAYMENT_NOT_FOUND,
    REFUND_NOT_FOUND,
    DISPUTE_NOT_FOUND,
    INVALID_STATE,
    /** The payment was cancelled before it was paid (v2: "Link is cancelled"). */
    PAYMENT_CANCELLED,
    PAYMENT_NOT_REFUNDABLE,
    INVOICE_NOT_REFUNDABLE,
    REFUND_ALREADY_REQUESTED,
    REFUND_BLOCKED_BY_DISPUTE,
    PAYMENT_CHARGED_BACK,
    AMOUNT_EXCEEDS_REFUNDABLE,
    /** An amount that is not one in the payment's currency (its form, its decimals, zero); v1 answers 400. */
    INVALID_AMOUNT,
    /** A request marked as a full refund whose amount is not the whole refundable amount (v2). */
    AMOUNT_NOT_FULL_REFUND
}
