package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundSettlementContract} against the embedded H2 database. */
class RefundSettlementOnH2Test extends RefundSettlementContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
