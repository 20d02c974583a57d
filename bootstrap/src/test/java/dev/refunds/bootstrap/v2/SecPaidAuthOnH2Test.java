package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link SecPaidAuthContract} against the embedded H2 database. */
class SecPaidAuthOnH2Test extends SecPaidAuthContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
