package dev.refunds.bootstrap.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * MariaDB/MySQL for tests: {@code REFUNDS_TEST_JDBC_URL} (+ {@code _DB_USER}, {@code _DB_PASSWORD}) when set,
 * Testcontainers MySQL when Docker runs, and otherwise a failure that says how to provide one. Never a skip:
 * a suite that silently did not run against MySQL would hide exactly the bugs it exists to find.
 */
final class TestDatabases {
    private static JdbcSettings container;

    private TestDatabases() {
    }

    static synchronized JdbcSettings mariaDb() {
        String url = System.getenv("REFUNDS_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new JdbcSettings(url, env("REFUNDS_TEST_DB_USER"), env("REFUNDS_TEST_DB_PASSWORD"));
        }
        if (container != null) {
            return container;
        }
        if (!dockerAvailable()) {
            throw new IllegalStateException("This test needs MySQL/MariaDB and found none. Either run "
                    + "`eval \"$(bash scripts/mariadb-start.sh)\"` first (it installs and starts MariaDB and exports "
                    + "REFUNDS_TEST_JDBC_URL, REFUNDS_TEST_DB_USER and REFUNDS_TEST_DB_PASSWORD), or run Docker so "
                    + "Testcontainers can start MySQL.");
        }
        MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4");
        mysql.start();
        container = new JdbcSettings(mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword());
        return container;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
