package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundsApiContract} against the embedded H2 database. */
class RefundsApiOnH2Test extends RefundsApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
