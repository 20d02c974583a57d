package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundListFiltersContract} against MariaDB. */
class RefundListFiltersOnMariaDbTest extends RefundListFiltersContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
