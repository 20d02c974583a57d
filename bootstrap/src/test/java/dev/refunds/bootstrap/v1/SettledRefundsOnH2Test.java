package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link SettledRefundsContract} against the embedded H2 database. */
class SettledRefundsOnH2Test extends SettledRefundsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
