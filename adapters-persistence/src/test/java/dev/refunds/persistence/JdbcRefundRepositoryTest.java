package dev.refunds.persistence;

import dev.refunds.application.contract.RefundRepositoryContract;
import dev.refunds.application.contract.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;

/** The JDBC adapter keeps the {@link RefundRepositoryContract} on every backend, as the application's fake does. */
@OnEveryDatabase
class JdbcRefundRepositoryTest extends RefundRepositoryContract {
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
