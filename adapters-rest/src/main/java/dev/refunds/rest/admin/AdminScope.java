package dev.refunds.rest.admin;

/** Admin requests share one idempotency scope, apart from every business's. */
final class AdminScope {
    /** Business ids start with {@code HB_}, so this can never be one. */
    static final String NAME = "admin";

    private AdminScope() {
    }
}
