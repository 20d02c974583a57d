package dev.refunds.bootstrap.idempotency;

import dev.refunds.bootstrap.support.Backend;

/** The same race on the embedded H2 database (two application contexts on one H2 file database in this JVM). */
class IdempotencyRaceOnH2Test extends IdempotencyRaceContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
