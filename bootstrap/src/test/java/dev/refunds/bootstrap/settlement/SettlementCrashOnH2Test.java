package dev.refunds.bootstrap.settlement;

import dev.refunds.bootstrap.support.Backend;

/** {@link SettlementCrashContract} on the embedded H2 database. */
class SettlementCrashOnH2Test extends SettlementCrashContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
