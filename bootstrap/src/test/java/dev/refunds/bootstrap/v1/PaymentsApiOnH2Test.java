package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link PaymentsApiContract} against the embedded H2 database. */
class PaymentsApiOnH2Test extends PaymentsApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
