package dev.refunds.bootstrap.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The whole service, started in this JVM on a free port against a given database. */
public final class RunningService implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token";
    /**
     * Shared by every instance of every test, as instances sharing one database must share it (and the admin
     * token): the database keeps their fingerprints and refuses an instance with others.
     */
    public static final String API_KEY_SECRET = "test-api-key-secret";

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final JdbcSettings database;

    private RunningService(ApplicationContext context, JdbcSettings database) {
        this.context = context;
        this.server = context.getBean(EmbeddedServer.class);
        this.database = database;
        server.start();
    }

    public static RunningService start(JdbcSettings database) {
        return start(database, Map.of());
    }

    public static RunningService start(JdbcSettings database, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("refunds.data-dir", tempDir());
        properties.put("refunds.admin-token", ADMIN_TOKEN);
        properties.put("refunds.api-key-secret", API_KEY_SECRET);
        properties.put("refunds.db.url", database.url());
        properties.put("refunds.db.user", database.user());
        properties.put("refunds.db.password", database.password());
        // Refunds stay where a test puts them unless it starts the settlement worker itself.
        properties.put("refunds.settlement.enabled", false);
        // Nor does reconciliation run behind a test's back (on a shared database it would compare everyone's data).
        properties.put("refunds.reconciliation.enabled", false);
        properties.put("refunds.sandbox.settle-delay", "0s");
        properties.putAll(extra);
        ApplicationContext context = ApplicationContext.builder().properties(properties).start();
        return new RunningService(context, database);
    }

    public URI uri() {
        return server.getURI();
    }

    public Api api() {
        return new Api(uri());
    }

    public JdbcSettings database() {
        return database;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    private static String tempDir() {
        return TestFolders.create("refunds-data-").toString();
    }
}
