package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link RotationAndRecoveryContract} against the embedded H2 database. */
class RotationAndRecoveryOnH2Test extends RotationAndRecoveryContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
