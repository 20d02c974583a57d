package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/** The idempotency contract on MariaDB/MySQL. */
class IdempotencyOnMariaDbTest extends IdempotencyContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
