package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link TenancyAndAuthContract} against the embedded H2 database. */
class TenancyAndAuthOnH2Test extends TenancyAndAuthContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
