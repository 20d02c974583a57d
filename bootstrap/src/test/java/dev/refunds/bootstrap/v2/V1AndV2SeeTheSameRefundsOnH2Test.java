package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link V1AndV2SeeTheSameRefundsContract} against the embedded H2 database. */
class V1AndV2SeeTheSameRefundsOnH2Test extends V1AndV2SeeTheSameRefundsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
