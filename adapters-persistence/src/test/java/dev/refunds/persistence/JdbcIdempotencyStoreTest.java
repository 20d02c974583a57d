package dev.refunds.persistence;

import dev.refunds.application.contract.IdempotencyStoreContract;
import dev.refunds.application.idempotency.IdempotencyStore;
import dev.refunds.application.shared.Transactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;

/** The JDBC adapter keeps the {@link IdempotencyStoreContract} on every backend, as the application's fake does. */
@OnEveryDatabase
class JdbcIdempotencyStoreTest extends IdempotencyStoreContract {
    @Parameter
    JdbcBackend backend;

    @Override
    protected Transactions transactions() {
        return JdbcPorts.on(backend).transactions();
    }

    @Override
    protected IdempotencyStore store() {
        return JdbcPorts.on(backend).idempotency();
    }

    @AfterEach
    void deleteTheContractsKeys() {
        JdbcPorts.on(backend).clean();
    }
}
