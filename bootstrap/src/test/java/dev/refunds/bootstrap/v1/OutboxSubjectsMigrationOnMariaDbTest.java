package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.JdbcSettings;
import dev.refunds.bootstrap.support.ScratchMariaDbDatabases;

/** {@link OutboxSubjectsMigrationContract} on a scratch MariaDB database (the shared one is migrated already). */
class OutboxSubjectsMigrationOnMariaDbTest extends OutboxSubjectsMigrationContract {
    @Override
    JdbcSettings emptyDatabase() {
        return ScratchMariaDbDatabases.create("utf8mb4_bin");
    }

    @Override
    void drop(JdbcSettings database) {
        ScratchMariaDbDatabases.drop(database);
    }
}
