package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link ReconciliationContract} against the embedded H2 database. */
class ReconciliationOnH2Test extends ReconciliationContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
