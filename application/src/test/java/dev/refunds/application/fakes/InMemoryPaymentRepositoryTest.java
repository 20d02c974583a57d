package dev.refunds.application.fakes;

import dev.refunds.application.contract.PaymentRepositoryContract;
import dev.refunds.application.contract.Storage;

/** The fake the application's tests use keeps the {@link PaymentRepositoryContract}, as the JDBC adapter does. */
class InMemoryPaymentRepositoryTest extends PaymentRepositoryContract {
    private final FakeWorld world = FakeWorld.direct();

    @Override
    protected Storage storage() {
        return new Storage(world.transactions, world.businesses, world.payments, world.refunds, world.settlement);
    }
}
