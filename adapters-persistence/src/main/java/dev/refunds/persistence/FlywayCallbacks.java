package dev.refunds.persistence;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Adds the project's Flyway callbacks to the migrations of the default data source, and to every other Flyway run on
 * it (the sandbox's own location), so each table and history table any of them creates gets the same treatment.
 */
@Singleton
@Named(FlywayCallbacks.DATA_SOURCE)
public final class FlywayCallbacks implements FlywayConfigurationCustomizer {
    static final String DATA_SOURCE = "default";

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.callbacks(new BinaryCollationOnMySql());
    }

    @Override
    public String getName() {
        return DATA_SOURCE;
    }
}
