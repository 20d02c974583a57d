package dev.refunds.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Lets {@code REFUNDS_DB_URL} be a {@code jdbc:mariadb://} URL: MariaDB speaks the MySQL protocol, so the one
 * driver the service ships (mysql-connector-j) serves both.
 */
@Singleton
final class MariaDbUrls implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String MARIADB = "jdbc:mariadb:";
    static final String MYSQL = "jdbc:mysql:";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getJdbcUrl();
        if (url != null && url.startsWith(MARIADB)) {
            configuration.setJdbcUrl(MYSQL + url.substring(MARIADB.length()));
        }
        return configuration;
    }
}
