package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/** The idempotency contract on a Galera cluster (one instance, on the first node of the URL). */
class IdempotencyOnGaleraTest extends IdempotencyContract {
    @Override
    Backend backend() {
        return Backend.GALERA;
    }
}
