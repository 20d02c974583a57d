package dev.refunds.bootstrap.webhook;

import dev.refunds.bootstrap.support.Backend;

/** {@link RefundReversalContract} against H2. */
class RefundReversalOnH2Test extends RefundReversalContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
