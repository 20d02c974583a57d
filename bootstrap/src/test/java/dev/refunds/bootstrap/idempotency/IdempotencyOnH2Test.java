package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/** The idempotency contract on the embedded H2 database. */
class IdempotencyOnH2Test extends IdempotencyContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
