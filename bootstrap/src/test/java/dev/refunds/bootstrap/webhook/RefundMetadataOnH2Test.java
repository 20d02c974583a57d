package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundMetadataContract} against the embedded H2 database. */
class RefundMetadataOnH2Test extends RefundMetadataContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
