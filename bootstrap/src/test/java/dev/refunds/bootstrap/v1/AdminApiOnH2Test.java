package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link AdminApiContract} against the embedded H2 database. */
class AdminApiOnH2Test extends AdminApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
