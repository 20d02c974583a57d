package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link CleanBooksReconciliationContract} against the embedded H2 database. */
class CleanBooksReconciliationOnH2Test extends CleanBooksReconciliationContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
