package dev.refunds.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The databases the port contracts run on, as the service's tests pick them: the embedded H2 file database, MariaDB
 * ({@code REFUNDS_TEST_JDBC_URL}) and the three-node Galera cluster ({@code REFUNDS_TEST_GALERA_URL}, which
 * {@code scripts/galera-start.sh} prints). A missing URL fails the run, it never skips it.
 */
enum JdbcBackend {
    H2, MARIADB, GALERA;

    /** The data source settings of a context on this backend. */
    Map<String, Object> settings() {
        return switch (this) {
            case H2 -> Map.of("datasources.default.url", "jdbc:h2:file:" + tempDir() + "/refunds;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0",
                    "datasources.default.username", "sa", "datasources.default.password", "");
            case MARIADB -> fromEnvironment("REFUNDS_TEST_JDBC_URL", "REFUNDS_TEST_DB_USER", "REFUNDS_TEST_DB_PASSWORD",
                    "`eval \"$(bash scripts/mariadb-start.sh)\"`");
            case GALERA -> fromEnvironment("REFUNDS_TEST_GALERA_URL", "REFUNDS_TEST_GALERA_DB_USER",
                    "REFUNDS_TEST_GALERA_DB_PASSWORD", "`eval \"$(bash scripts/galera-start.sh)\"`");
        };
    }

    private static Map<String, Object> fromEnvironment(String url, String user, String password, String howToStart) {
        String value = System.getenv(url);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The port contracts run on this database too and found none: " + url
                    + " is not set. Run " + howToStart + " first (or scripts/test-env.sh, which starts both).");
        }
        return Map.of("datasources.default.url", value, "datasources.default.username", env(user),
                "datasources.default.password", env(password));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    /** Under {@code target/}, so {@code ./mvnw clean} removes the H2 files (in /tmp they piled up run after run). */
    private static String tempDir() {
        try {
            Path root = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "test-folders"));
            return Files.createTempDirectory(root, "refunds-ports-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
