package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link ReviewedByContract} against the embedded H2 database. */
class ReviewedByOnH2Test extends ReviewedByContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
