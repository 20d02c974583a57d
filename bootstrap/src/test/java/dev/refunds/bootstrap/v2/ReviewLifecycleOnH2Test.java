package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link ReviewLifecycleContract} against the embedded H2 database. */
class ReviewLifecycleOnH2Test extends ReviewLifecycleContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
