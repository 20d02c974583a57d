package dev.refunds.persistence.sandbox;

import dev.refunds.persistence.FlywayCallbacks;
import io.micronaut.context.annotation.Context;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PostConstruct;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;

/**
 * The sandbox's schema is the sandbox's own: its changes live in {@code db/sandbox} with their own history table,
 * so the production location never gets sandbox changes again. Its ledger table was created by production's V3,
 * V6_1 and V8 (kept as they are: their checksums are applied on existing databases), so every database has it once
 * the production migrations ran; this history is baselined at version 1 over that table, and sandbox V2 and later
 * run on top. The data source given here exists only after the production migrations ran on it. The production
 * Flyway's callbacks run here too: on MySQL/MariaDB this history table and every sandbox table compare byte for
 * byte, as production's do.
 */
@Context
@RequiresSandbox
final class SandboxMigrations {
    static final String LOCATION = "classpath:db/sandbox";
    static final String HISTORY_TABLE = "flyway_sandbox_history";
    static final String BASELINE_VERSION = "1";

    private final DataSource dataSource;
    private final FlywayCallbacks callbacks;

    /** The resolver unwraps the transaction-aware proxy: Flyway opens and commits its own connections. */
    SandboxMigrations(DataSource dataSource, DataSourceResolver resolver, FlywayCallbacks callbacks) {
        this.dataSource = resolver.resolve(dataSource);
        this.callbacks = callbacks;
    }

    @PostConstruct
    void migrate() {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE_VERSION)
                .baselineDescription("sandbox_processor_refunds as production V3, V6_1 and V8 created it");
        callbacks.customizeFluentConfiguration(configuration);
        configuration.load().migrate();
    }
}
