package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link ReconciliationContract} against MariaDB (shared with other test classes). */
class ReconciliationOnMariaDbTest extends ReconciliationContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
