package dev.refunds.persistence;

import dev.refunds.application.business.BusinessRepository;
import dev.refunds.application.contract.Storage;
import dev.refunds.application.event.EventOutbox;
import dev.refunds.application.idempotency.IdempotencyStore;
import dev.refunds.application.payment.PaymentRepository;
import dev.refunds.application.refund.RefundRepository;
import dev.refunds.application.settlement.SettlementQueue;
import dev.refunds.application.shared.Transactions;
import dev.refunds.application.webhook.WebhookOutbox;
import io.micronaut.context.ApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The JDBC adapters on one backend, in a context of this module alone (data source, Flyway, the adapters), started
 * once per backend for the whole test run. MariaDB and Galera databases are shared with the service's own suites,
 * whose workers and books checks read every row: {@link #clean} deletes what the contracts wrote.
 */
final class JdbcPorts {
    private static final Map<JdbcBackend, JdbcPorts> STARTED = new EnumMap<>(JdbcBackend.class);

    private final ApplicationContext context;
    private final Map<String, Object> settings;

    private JdbcPorts(ApplicationContext context, Map<String, Object> settings) {
        this.context = context;
        this.settings = settings;
    }

    static synchronized JdbcPorts on(JdbcBackend backend) {
        JdbcPorts ports = STARTED.get(backend);
        if (ports == null) {
            Map<String, Object> settings = new HashMap<>(backend.settings());
            settings.put("datasources.default.dialect", "MYSQL");
            settings.put("datasources.default.transaction-isolation", "TRANSACTION_READ_COMMITTED");
            settings.put("flyway.datasources.default.enabled", true);
            settings.put("flyway.datasources.default.locations", "classpath:db/migration");
            ApplicationContext context = ApplicationContext.run(settings);
            context.registerSingleton(Clock.class, Clock.systemUTC());   // the sandbox processor's; bootstrap's elsewhere
            ports = new JdbcPorts(context, settings);
            STARTED.put(backend, ports);
        }
        return ports;
    }

    Storage storage() {
        return new Storage(transactions(), context.getBean(BusinessRepository.class),
                context.getBean(PaymentRepository.class), context.getBean(RefundRepository.class),
                context.getBean(SettlementQueue.class));
    }

    Transactions transactions() {
        return context.getBean(Transactions.class);
    }

    IdempotencyStore idempotency() {
        return context.getBean(IdempotencyStore.class);
    }

    EventOutbox eventOutbox() {
        return context.getBean(EventOutbox.class);
    }

    WebhookOutbox webhookOutbox() {
        return context.getBean(WebhookOutbox.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A connection of the test's own, outside the service's pool, in auto-commit. */
    Connection ownConnection() throws SQLException {
        return DriverManager.getConnection((String) settings.get("datasources.default.url"),
                (String) settings.get("datasources.default.username"),
                (String) settings.get("datasources.default.password"));
    }

    /** Deletes the contracts' rows: their businesses are all named "Contract shop", their key scopes "contract-…". */
    void clean() {
        String ours = "(SELECT business_id FROM businesses WHERE name = 'Contract shop')";
        try (Connection connection = ownConnection();
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM outbox_events WHERE business_id IN " + ours);
            sql.executeUpdate("DELETE FROM refunds WHERE business_id IN " + ours);
            sql.executeUpdate("DELETE FROM payments WHERE business_id IN " + ours);
            sql.executeUpdate("DELETE FROM businesses WHERE name = 'Contract shop'");
            sql.executeUpdate("DELETE FROM idempotency_keys WHERE scope LIKE 'contract-%'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the port contracts' rows", e);
        }
    }
}
