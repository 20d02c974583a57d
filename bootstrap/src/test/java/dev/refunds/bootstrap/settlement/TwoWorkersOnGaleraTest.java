package dev.refunds.bootstrap.settlement;

import dev.refunds.bootstrap.support.Backend;

/**
 * Two settlement workers on two different Galera nodes: a refund's claim is taken under its payment's row lock on
 * one node, so the cluster's certification must keep the other worker from sending it too.
 */
class TwoWorkersOnGaleraTest extends TwoWorkersOnMariaDbTest {
    @Override
    Backend backend() {
        return Backend.GALERA;
    }
}
