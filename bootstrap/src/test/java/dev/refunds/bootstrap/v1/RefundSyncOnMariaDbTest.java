package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundSyncContract} against MariaDB. */
class RefundSyncOnMariaDbTest extends RefundSyncContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
