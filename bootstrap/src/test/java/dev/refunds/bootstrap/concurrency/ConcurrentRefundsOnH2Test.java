package dev.refunds.bootstrap.concurrency;

import dev.refunds.bootstrap.support.Backend;

/** The concurrency scenarios on the embedded H2 database with one service instance (the default set-up). */
class ConcurrentRefundsOnH2Test extends ConcurrentRefundScenarios {
    @Override
    Backend backend() {
        return Backend.H2;
    }

    @Override
    int instances() {
        return 1;
    }
}
