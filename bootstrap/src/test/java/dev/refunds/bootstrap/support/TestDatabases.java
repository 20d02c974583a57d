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

    /** The Galera cluster; there is no container fallback: the suites need three nodes they can kill and stop. */
    static JdbcSettings galera() {
        String url = System.getenv("REFUNDS_TEST_GALERA_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("This test needs the three-node MariaDB Galera cluster and found none"
                    + " (REFUNDS_TEST_GALERA_URL is not set). Run `eval \"$(bash scripts/galera-start.sh)\"` first:"
                    + " it installs MariaDB and galera-4 when missing, starts three nodes on 127.0.0.1:3311-3313 and"
                    + " exports REFUNDS_TEST_GALERA_URL, REFUNDS_TEST_GALERA_DB_USER, REFUNDS_TEST_GALERA_DB_PASSWORD"
                    + " and REFUNDS_TEST_GALERA_DIR (or use scripts/test-env.sh, which starts both databases).");
        }
        return new JdbcSettings(url, env("REFUNDS_TEST_GALERA_DB_USER"), env("REFUNDS_TEST_GALERA_DB_PASSWORD"));
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
