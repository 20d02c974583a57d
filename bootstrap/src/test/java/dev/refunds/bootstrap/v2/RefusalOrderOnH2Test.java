package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefusalOrderContract} against the embedded H2 database. */
class RefusalOrderOnH2Test extends RefusalOrderContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
