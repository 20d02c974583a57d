package dev.refunds.application.fakes;

import dev.refunds.application.contract.RefundRepositoryContract;
import dev.refunds.application.contract.Storage;

/** The fake the application's tests use keeps the {@link RefundRepositoryContract}, as the JDBC adapter does. */
class InMemoryRefundRepositoryTest extends RefundRepositoryContract {
    private final FakeWorld world = FakeWorld.direct();

    @Override
    protected Storage storage() {
        return new Storage(world.transactions, world.businesses, world.payments, world.refunds, world.settlement);
    }
}
