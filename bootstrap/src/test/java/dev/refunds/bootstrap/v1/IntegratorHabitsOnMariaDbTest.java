package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link IntegratorHabitsContract} on MariaDB (shared with other test classes). */
class IntegratorHabitsOnMariaDbTest extends IntegratorHabitsContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
