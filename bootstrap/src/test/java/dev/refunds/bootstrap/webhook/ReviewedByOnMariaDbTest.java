package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link ReviewedByContract} against MariaDB. */
class ReviewedByOnMariaDbTest extends ReviewedByContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
