package dev.refunds.application.fakes;

import dev.refunds.application.contract.EventOutboxContract;
import dev.refunds.application.contract.Storage;
import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.WebhookOutbox;

import java.util.function.Supplier;

/**
 * The fake outbox the application's tests use keeps the {@link EventOutboxContract}, as the JDBC adapter does: on
 * transactions that roll back as the database's do, one at a time, as the fakes are not made for threads.
 */
class RecordingEventOutboxTest extends EventOutboxContract {
    private final FakeWorld world = FakeWorld.withRollback();
    private final Transactions oneAtATime = new Transactions() {
        @Override
        public synchronized <T> T inTransaction(Supplier<T> work) {
            return world.transactions.inTransaction(work);
        }
    };

    @Override
    protected Storage storage() {
        return new Storage(oneAtATime, world.businesses, world.payments, world.refunds, world.settlement);
    }

    @Override
    protected EventOutbox outbox() {
        return world.outbox;
    }

    @Override
    protected WebhookOutbox relay() {
        return world.outbox;
    }
}
