package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link OperatorsContract} against the embedded H2 database. */
class OperatorsOnH2Test extends OperatorsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
