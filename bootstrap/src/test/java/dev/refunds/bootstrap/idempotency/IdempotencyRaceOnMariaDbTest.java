package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/**
 * The race on MariaDB/MySQL: two instances, each with its own connection pool, share the database, so only its
 * row locks and unique key can keep the concurrent retries to one execution.
 */
class IdempotencyRaceOnMariaDbTest extends IdempotencyRaceContract {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }
}
