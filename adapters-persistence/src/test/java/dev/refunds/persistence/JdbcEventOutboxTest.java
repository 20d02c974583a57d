package dev.refunds.persistence;

import dev.refunds.application.contract.EventOutboxContract;
import dev.refunds.application.contract.Storage;
import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.webhook.WebhookOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;

/** The JDBC outbox keeps the {@link EventOutboxContract} on every backend, as the application's fake does. */
@OnEveryDatabase
class JdbcEventOutboxTest extends EventOutboxContract {
    @Parameter
    JdbcBackend backend;

    @Override
    protected Storage storage() {
        return JdbcPorts.on(backend).storage();
    }

    @Override
    protected EventOutbox outbox() {
        return JdbcPorts.on(backend).eventOutbox();
    }

    @Override
    protected WebhookOutbox relay() {
        return JdbcPorts.on(backend).webhookOutbox();
    }

    @AfterEach
    void deleteTheContractsRows() {
        JdbcPorts.on(backend).clean();
    }
}
