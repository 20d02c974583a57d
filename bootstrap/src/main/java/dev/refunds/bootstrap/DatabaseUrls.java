package dev.refunds.bootstrap;

import java.util.Map;

/**
 * Lets {@code REFUNDS_DB_URL} be a {@code jdbc:mariadb://} URL: MariaDB speaks the MySQL protocol, so the one
 * driver the service ships (mysql-connector-j) serves both. The rewrite must happen before the data source is
 * configured, because the pool picks its driver class from the URL.
 */
final class DatabaseUrls {
    static final String MARIADB = "jdbc:mariadb:";
    static final String MYSQL = "jdbc:mysql:";

    private DatabaseUrls() {
    }

    /** Properties that override the data source URL, or none when the configured URL needs no rewrite. */
    static Map<String, Object> overrides(String configuredUrl) {
        if (configuredUrl == null || !configuredUrl.startsWith(MARIADB)) {
            return Map.of();
        }
        return Map.of("datasources.default.url", MYSQL + configuredUrl.substring(MARIADB.length()));
    }
}
