package dev.refunds.bootstrap.v2;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundAmountParsingContract} against the embedded H2 database. */
class RefundAmountParsingOnH2Test extends RefundAmountParsingContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
