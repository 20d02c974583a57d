package dev.refunds.bootstrap.v1;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundSyncContract} against the embedded H2 database. */
class RefundSyncOnH2Test extends RefundSyncContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
