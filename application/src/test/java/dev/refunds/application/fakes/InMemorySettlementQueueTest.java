package dev.refunds.application.fakes;

import dev.refunds.application.contract.SettlementQueueContract;
import dev.refunds.application.contract.Storage;

/** The fake the application's tests use keeps the {@link SettlementQueueContract}, as the JDBC adapter does. */
class InMemorySettlementQueueTest extends SettlementQueueContract {
    private final FakeWorld world = FakeWorld.direct();

    @Override
    protected Storage storage() {
        return new Storage(world.transactions, world.businesses, world.payments, world.refunds, world.settlement);
    }
}
