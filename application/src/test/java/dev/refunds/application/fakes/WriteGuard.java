package dev.refunds.application.fakes;

import java.util.function.BooleanSupplier;

/**
 * Lets a fake refuse writes made outside a transaction. Unguarded by default, so a fake can be used alone;
 * {@link FakeWorld} ties every fake to its {@link Transactions} fake.
 */
final class WriteGuard {
    private BooleanSupplier inTransaction = () -> true;

    void guardWith(BooleanSupplier inTransaction) {
        this.inTransaction = inTransaction;
    }

    void check(String what) {
        if (!inTransaction.getAsBoolean()) {
            throw new IllegalStateException(what + " outside a transaction");
        }
    }
}
