package dev.refunds.persistence;

import dev.refunds.application.contract.BusinessRepositoryContract;
import dev.refunds.application.contract.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;

/** The JDBC adapter keeps the {@link BusinessRepositoryContract} on every backend, as the application's fake does. */
@OnEveryDatabase
class JdbcBusinessRepositoryTest extends BusinessRepositoryContract {
    @Parameter
    JdbcBackend backend;

    @Override
    protected Storage storage() {
        return JdbcPorts.on(backend).storage();
    }

    @AfterEach
    void deleteTheContractsRows() {
        JdbcPorts.on(backend).clean();
    }
}
