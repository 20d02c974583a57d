package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link CleanBooksReconciliationContract} against MariaDB (shared with other test classes). */
class CleanBooksReconciliationOnMariaDbTest extends CleanBooksReconciliationContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
