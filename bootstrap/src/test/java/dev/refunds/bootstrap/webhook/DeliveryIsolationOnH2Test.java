package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link DeliveryIsolationContract} against the embedded H2 database. */
class DeliveryIsolationOnH2Test extends DeliveryIsolationContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
