package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link ReportsContract} against MariaDB (shared with other test classes). */
class ReportsOnMariaDbTest extends ReportsContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
