package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/**
 * The race on a Galera cluster: the two instances work on two different nodes, so the concurrent retries meet only
 * at certification, where the idempotency key's unique index lets one of them commit.
 */
class IdempotencyRaceOnGaleraTest extends IdempotencyRaceContract {
    @Override
    Backend backend() {
        return Backend.GALERA;
    }
}
