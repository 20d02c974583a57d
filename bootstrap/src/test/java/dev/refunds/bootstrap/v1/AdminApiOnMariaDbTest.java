package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link AdminApiContract} against MariaDB (shared with other test classes). */
class AdminApiOnMariaDbTest extends AdminApiContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
