package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link ReportsContract} against the embedded H2 database. */
class ReportsOnH2Test extends ReportsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
