package dev.refunds.application.shared;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction. A transaction that loses a deadlock or a lock wait is rolled back and
 * the work runs again, a bounded number of times, so {@code work} must have no effect outside the transaction.
 * Nested calls join the outer transaction.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
