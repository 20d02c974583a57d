package dev.refunds.application.operator;

/** Ids and secrets of the admin side: operators, their tokens and audit records. */
public interface AdminIds {
    String newOperatorId();

    /** An operator's bearer token: 256 random bits, shown once. */
    String newOperatorToken();

    String newAuditId();
}
