package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link AdminSearchContract} against the embedded H2 database. */
class AdminSearchOnH2Test extends AdminSearchContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
