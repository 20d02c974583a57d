package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.Backend;

/**
 * The concurrency scenarios on MariaDB/MySQL with two service instances — two application contexts, each with its
 * own connection pool — sharing one database, clients alternating between them: only the database's row locks can
 * serialise these requests.
 */
class ConcurrentRefundsOnMariaDbTest extends ConcurrentRefundScenarios {
    @Override
    Backend backend() {
        return Backend.MARIADB;
    }

    @Override
    int instances() {
        return 2;
    }
}
