package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefusalOrderContract} against MariaDB (shared with other test classes). */
class RefusalOrderOnMariaDbTest extends RefusalOrderContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
