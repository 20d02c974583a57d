package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link PaymentsApiContract} against MariaDB (shared with other test classes). */
class PaymentsApiOnMariaDbTest extends PaymentsApiContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
