package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link SettledRefundsContract} against MariaDB (shared with other test classes). */
class SettledRefundsOnMariaDbTest extends SettledRefundsContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
