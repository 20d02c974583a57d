package dev.refunds.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Pooled connections stay out of auto-commit: a transaction then begins without a {@code SET autocommit=0} and
 * ends without a {@code SET autocommit=1} (two of a refund request's statements, BENCHMARKS.md). What auto-commit
 * did for work outside a transaction, {@link DatabaseBoundaryInterceptor} does instead: every adapter call made
 * outside a transaction runs in one of its own and commits, so no write is lost and no read leaves a snapshot or a
 * lock on a pooled connection. The few statements made on a connection of their own commit it themselves
 * ({@link JdbcSecretFingerprints}).
 */
@Singleton
final class PooledConnectionsWithoutAutoCommit implements BeanCreatedEventListener<DatasourceConfiguration> {
    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        configuration.setAutoCommit(false);
        return configuration;
    }
}
