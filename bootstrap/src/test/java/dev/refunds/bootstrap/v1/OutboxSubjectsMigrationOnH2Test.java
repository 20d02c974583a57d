package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;
import dev.refunds.bootstrap.support.JdbcSettings;

/** {@link OutboxSubjectsMigrationContract} on a fresh embedded H2 database. */
class OutboxSubjectsMigrationOnH2Test extends OutboxSubjectsMigrationContract {
    @Override
    JdbcSettings emptyDatabase() {
        return Backend.H2.newDatabase();
    }

    @Override
    void drop(JdbcSettings database) {
        // a fresh temporary folder each time; nothing shared to clean
    }
}
