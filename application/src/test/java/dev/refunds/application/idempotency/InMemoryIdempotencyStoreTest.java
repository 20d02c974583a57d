package dev.refunds.application.idempotency;

import dev.refunds.application.contract.IdempotencyStoreContract;
import dev.refunds.application.shared.Transactions;

/** The fake the idempotency tests use keeps the {@link IdempotencyStoreContract}, as the JDBC adapter does. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    private final UndoLogTransactions transactions = new UndoLogTransactions();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(transactions);

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
