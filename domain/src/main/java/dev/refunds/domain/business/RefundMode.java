package dev.refunds.domain.business;

/** {@code SINGLE}: one refund request per payment (SecPaid); {@code MULTIPLE}: partial refunds up to the amount. */
public enum RefundMode { MULTIPLE, SINGLE }
