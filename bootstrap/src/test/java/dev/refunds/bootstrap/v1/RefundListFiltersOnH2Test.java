package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundListFiltersContract} against the embedded H2 database. */
class RefundListFiltersOnH2Test extends RefundListFiltersContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
