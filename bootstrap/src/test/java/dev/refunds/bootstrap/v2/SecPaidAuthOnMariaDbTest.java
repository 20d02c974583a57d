package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link SecPaidAuthContract} against MariaDB (shared with other test classes). */
class SecPaidAuthOnMariaDbTest extends SecPaidAuthContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
