package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundsApiContract} against MariaDB (shared with other test classes). */
class RefundsApiOnMariaDbTest extends RefundsApiContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
