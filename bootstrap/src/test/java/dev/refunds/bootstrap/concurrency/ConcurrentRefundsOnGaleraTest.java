package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.Backend;

/**
 * The concurrency scenarios on a three-node MariaDB Galera cluster, two instances on two different nodes, clients
 * alternating between them: row locks do not reach across nodes, so here the cluster's certification (a conflict
 * is a deadlock error, and the service runs the transaction again) is what keeps a payment from over-refunding.
 */
class ConcurrentRefundsOnGaleraTest extends ConcurrentRefundScenarios {
    @Override
    Backend backend() {
        return Backend.GALERA;
    }

    @Override
    int instances() {
        return 2;
    }
}
