package dev.refunds.bootstrap.settlement;

import dev.refunds.bootstrap.support.Backend;

/** {@link SettlementEndToEndContract} on the embedded H2 database, one instance with its worker on. */
class SettlementEndToEndOnH2Test extends SettlementEndToEndContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
