package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link ErrorEnvelopeContract} against the embedded H2 database. */
class ErrorEnvelopeOnH2Test extends ErrorEnvelopeContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
