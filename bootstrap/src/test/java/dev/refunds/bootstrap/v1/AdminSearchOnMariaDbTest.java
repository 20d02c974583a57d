package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link AdminSearchContract} against MariaDB (shared with other test classes). */
class AdminSearchOnMariaDbTest extends AdminSearchContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
