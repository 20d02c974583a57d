package dev.refunds.domain.payment;

/** The life of a payment: paid ({@code COMPLETED}), never paid ({@code CANCELLED}) or fully refunded. */
public enum PaymentStatus { PENDING, COMPLETED, CANCELLED, REFUNDED }
