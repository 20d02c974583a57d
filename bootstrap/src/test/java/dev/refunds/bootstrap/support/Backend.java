package dev.refunds.bootstrap.support;

import java.nio.file.Path;

/**
 * The two databases every HTTP-level suite runs against ({@link OnH2AndMariaDb}), and the Galera cluster the
 * multi-instance suites also run on ({@link OnEveryBackend}, {@link OnMariaDbAndGalera}).
 */
public enum Backend {
    /** The embedded default: an H2 file database in a fresh temporary folder. */
    H2,
    /** MariaDB/MySQL: {@code REFUNDS_TEST_JDBC_URL}, else Testcontainers, else the test fails loudly. */
    MARIADB,
    /**
     * A three-node MariaDB Galera cluster: {@code REFUNDS_TEST_GALERA_URL} (the multi-host URL
     * scripts/galera-start.sh prints), else the test fails loudly. Instance i goes to node i
     * ({@link JdbcSettings#onNode}).
     */
    GALERA;

    /**
     * A database no other test has used: a new H2 one, or a scratch database on MariaDB or the Galera cluster whose
     * default is {@code utf8mb4} with {@code collation}; {@link ScratchMariaDbDatabases#drop} drops it (and leaves
     * H2's alone).
     */
    public JdbcSettings emptyDatabase(String collation) {
        return switch (this) {
            case H2 -> newDatabase();
            case MARIADB -> ScratchMariaDbDatabases.create(collation);
            case GALERA -> ScratchMariaDbDatabases.createOnGalera(collation);
        };
    }

    /** Settings for a new database of this kind; each H2 one is empty, MariaDB ones share the CI database. */
    public JdbcSettings newDatabase() {
        if (this == MARIADB) {
            return TestDatabases.mariaDb();
        }
        if (this == GALERA) {
            return TestDatabases.galera();
        }
        Path dir = TestFolders.create("refunds-h2-");
        return new JdbcSettings("jdbc:h2:file:" + dir.resolve("refunds") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa", "");
    }
}
