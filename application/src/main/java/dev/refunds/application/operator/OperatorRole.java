package dev.refunds.application.operator;

/** What an operator may do: {@code VIEWER} reads, {@code REVIEWER} also reviews refunds and handles disputes. */
public enum OperatorRole {
    VIEWER, REVIEWER, ADMIN;

    /** Whether this role includes everything {@code needed} may do. */
    public boolean covers(OperatorRole needed) {
        return ordinal() >= needed.ordinal();
    }
}
