package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link TenancyAndAuthContract} against MariaDB (shared with other test classes). */
class TenancyAndAuthOnMariaDbTest extends TenancyAndAuthContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
