package dev.refunds.domain.payment;

/** A payment link can be refunded; an invoice never can. */
public enum PaymentType { LINK, INVOICE }
