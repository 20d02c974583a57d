package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundReversalContract} against MariaDB. */
class RefundReversalOnMariaDbTest extends RefundReversalContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
