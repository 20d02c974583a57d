package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link PaymentMetadataContract} against the embedded H2 database. */
class PaymentMetadataOnH2Test extends PaymentMetadataContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
